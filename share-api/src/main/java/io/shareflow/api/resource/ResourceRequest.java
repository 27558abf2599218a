package io.shareflow.api.resource;

/** Body of {@code POST /v1/resources}; every field as sent, validated by {@code NewResource}. */
record ResourceRequest(String name, String kind, String documentType, String assetId, String parentId) {
}
