package io.shareflow.provisioner.user;

/** The OpenAPI examples of {@link UserController}. */
final class UserExamples {

    static final String CREATE_REQUEST = """
            {"email": "carol@acme.example", "displayName": "Carol Chen", "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b"}""";

    static final String USER = """
            {"data": {"id": "632c04a0-dcb0-40a0-b2f8-35067e4411ed", "email": "carol@acme.example",
              "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b", "status": "ACTIVE", "displayName": "Carol Chen",
              "createdAt": "2026-12-02T09:00:00.000Z", "updatedAt": "2026-12-02T09:00:00.000Z"}}""";

    static final String USERS = """
            {"data": [{"id": "86507a4e-d16f-428e-a94a-49638d554ad5", "email": "new.colleague@example.com",
              "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b", "status": "DEACTIVATED", "displayName": null,
              "createdAt": "2026-12-02T09:30:00.910Z", "updatedAt": "2026-12-02T09:30:00.910Z"}],
             "page": {"number": 0, "size": 20, "totalElements": 1}}""";

    static final String UNKNOWN_ORGANIZATION = """
            {"organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b"}""";

    private UserExamples() {
    }
}
