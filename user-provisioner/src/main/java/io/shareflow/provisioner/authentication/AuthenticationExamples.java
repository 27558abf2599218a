package io.shareflow.provisioner.authentication;

/** The OpenAPI examples of {@link AuthenticationController}. */
final class AuthenticationExamples {

    static final String REQUEST = """
            {"email": "new.colleague@example.com", "password": "a long passphrase"}""";

    static final String AUTHENTICATED = """
            {"data": {"userId": "86507a4e-d16f-428e-a94a-49638d554ad5", "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b",
              "displayName": "New Colleague", "email": "new.colleague@example.com"}}""";

    private AuthenticationExamples() {
    }
}
