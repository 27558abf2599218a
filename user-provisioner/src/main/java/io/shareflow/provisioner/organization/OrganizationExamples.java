package io.shareflow.provisioner.organization;

/** The OpenAPI examples of {@link OrganizationController}. */
final class OrganizationExamples {

    static final String CREATE_REQUEST = """
            {"name": "Acme Aviation"}""";

    static final String ORGANIZATION = """
            {"data": {"id": "4435b722-9a04-4834-9574-e51b99e19e5b", "name": "Acme Aviation"}}""";

    private OrganizationExamples() {
    }
}
