package io.shareflow.api.resource;

/** The OpenAPI examples of {@link ResourceController} (one request and one answer per endpoint). */
final class ResourceExamples {

    static final String CREATE_REQUEST = """
            {"name": "A320 maintenance log.pdf", "kind": "file", "documentType": "maintenance-file",
             "assetId": "268df588-dfb0-49c9-a6b8-ed6d383a8845", "parentId": "cbc0ccd7-775f-4c54-bf86-07602196e2c9"}""";

    static final String RESOURCE = """
            {"data": {"id": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "name": "A320 maintenance log.pdf", "kind": "file",
              "documentType": "maintenance-file", "assetId": "268df588-dfb0-49c9-a6b8-ed6d383a8845",
              "parentId": "cbc0ccd7-775f-4c54-bf86-07602196e2c9", "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b",
              "createdAt": "2026-12-02T09:00:00.000Z"}}""";

    static final String RESOURCES = """
            {"data": [{"id": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "name": "A320 maintenance log.pdf", "kind": "file",
              "documentType": "maintenance-file", "assetId": "268df588-dfb0-49c9-a6b8-ed6d383a8845",
              "parentId": "cbc0ccd7-775f-4c54-bf86-07602196e2c9", "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b",
              "createdAt": "2026-12-02T09:00:00.000Z"}],
             "page": {"number": 0, "size": 20, "totalElements": 1}}""";

    /** A rename and a move (a JSON merge patch: {@code "parentId": null} moves to the top level). */
    static final String CHANGE_REQUEST = """
            {"name": "A320 maintenance log 2026.pdf", "parentId": "5d1f9b3e-8c2a-4e6f-9a7b-0c1d2e3f4a5b"}""";

    static final String RESOURCE_CHANGED = """
            {"data": {"id": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "name": "A320 maintenance log 2026.pdf", "kind": "file",
              "documentType": "maintenance-file", "assetId": "268df588-dfb0-49c9-a6b8-ed6d383a8845",
              "parentId": "5d1f9b3e-8c2a-4e6f-9a7b-0c1d2e3f4a5b", "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b",
              "createdAt": "2026-12-02T09:00:00.000Z"}}""";

    static final String ITEM_REQUEST = """
            {"resourceId": "2922dacc-ba76-4467-a7d7-dc6b768969b4"}""";

    static final String ITEM = """
            {"data": {"collectionId": "7b3e5a91-2c4d-4f6e-8a0b-1c2d3e4f5a6b",
              "resource": {"id": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "name": "A320 maintenance log.pdf", "kind": "file",
                "documentType": "maintenance-file", "assetId": "268df588-dfb0-49c9-a6b8-ed6d383a8845",
                "parentId": "cbc0ccd7-775f-4c54-bf86-07602196e2c9", "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b",
                "createdAt": "2026-12-02T09:00:00.000Z"},
              "addedBy": "c8a1e0f2-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "addedAt": "2026-12-02T09:10:00.250Z"}}""";

    static final String ITEMS = """
            {"data": [{"collectionId": "7b3e5a91-2c4d-4f6e-8a0b-1c2d3e4f5a6b",
              "resource": {"id": "cbc0ccd7-775f-4c54-bf86-07602196e2c9", "name": "A320 records", "kind": "folder",
                "documentType": null, "assetId": null, "parentId": null,
                "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b", "createdAt": "2026-12-02T08:55:00.000Z"},
              "addedBy": "c8a1e0f2-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "addedAt": "2026-12-02T09:10:00.250Z"}],
             "page": {"number": 0, "size": 20, "totalElements": 1}}""";

    private ResourceExamples() {
    }
}
