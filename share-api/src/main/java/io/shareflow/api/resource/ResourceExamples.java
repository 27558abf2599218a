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

    private ResourceExamples() {
    }
}
