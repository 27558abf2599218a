package io.shareflow.provisioner.registration;

/** The OpenAPI examples of {@link RegistrationController} and {@link InvitationController}. */
final class RegistrationExamples {

    static final String REGISTER_REQUEST = """
            {"displayName": "New Colleague", "password": "a long passphrase"}""";

    static final String REGISTERED = """
            {"data": {"id": "86507a4e-d16f-428e-a94a-49638d554ad5", "email": "new.colleague@example.com",
              "organizationId": "4435b722-9a04-4834-9574-e51b99e19e5b", "status": "ACTIVE", "displayName": "New Colleague",
              "createdAt": "2026-12-02T09:30:00.910Z", "updatedAt": "2026-12-02T10:12:44.031Z"}}""";

    static final String REINVITED = """
            {"data": {"userId": "86507a4e-d16f-428e-a94a-49638d554ad5", "email": "new.colleague@example.com",
              "status": "DEACTIVATED", "registrationExpiresAt": "2026-12-09T10:00:00.000Z"}}""";

    private RegistrationExamples() {
    }
}
