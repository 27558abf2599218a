package io.shareflow.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RegistrationInvitationRendererTest {

    private static final String LINK = "http://localhost:8081/register/q3Zk1fVwS0m5yY2b7Jx9AgQ3Zk1fVwS0m5yY2b7Jx9A";
    private static final Instant EXPIRES = Instant.parse("2027-01-31T13:45:00Z");

    private final RegistrationInvitationRenderer renderer = new RegistrationInvitationRenderer();

    @Test
    void saysWhoInvitedToWhichOrganisationLinksToTheRegistrationAndWhenItExpires() {
        RenderedEmail email = renderer.render(invitation("Acme Aviation", "Ada Sharer", "ada@example.com", false), LINK);

        assertThat(email.subject()).isEqualTo("Finish creating your shareflow account for Acme Aviation");
        assertThat(email.text())
                .startsWith("Hello,\n\nAda Sharer (ada@example.com) has invited you to Acme Aviation on shareflow, "
                        + "and an account has been created for you.\n")
                .contains("Finish creating your account - choose your name and a password: " + LINK + "\n")
                .contains("The link works once and expires on 31 January 2027 at 13:45 UTC.\n")
                .contains(RegistrationInvitationRenderer.STILL_OPENS)
                .contains("If you did not expect this, you can ignore this e-mail.")
                .doesNotContain("no longer work");
        assertThat(email.html())
                .contains("<strong>Ada Sharer (ada@example.com)</strong> has invited you to <strong>Acme Aviation</strong>")
                .contains("<a href=\"" + LINK + "\"")
                .contains("Finish creating your account</a>")
                .contains("expires on 31 January 2027 at 13:45 UTC");
    }

    @Test
    void aReinviteSaysThatEarlierLinksNoLongerWork() {
        RenderedEmail email = renderer.render(invitation("Acme", "Olga", null, true), LINK);

        assertThat(email.text()).contains("Olga has invited you").contains("This is a new link: the ones sent to you "
                + "before no longer work.");
        assertThat(email.html()).contains("This is a new link");
    }

    @Test
    void everyNameIsEscapedInHtmlAndOneLineEverywhere() {
        RenderedEmail email = renderer.render(invitation("Evil <script>alert(1)</script> & Co\r\nBcc: x@evil.example",
                "Mallory \"the\" <b>Admin</b>\u202E", "m@example.com", false), LINK);

        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n")
                .isEqualTo("Finish creating your shareflow account for Evil <script>alert(1)</script> & Co Bcc: x@evil.example");
        assertThat(email.html()).doesNotContain("<script>").doesNotContain("<b>Admin")
                .contains("Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co Bcc: x@evil.example")
                .contains("Mallory &quot;the&quot; &lt;b&gt;Admin&lt;/b&gt;")
                .doesNotContain("\u202E");
        assertThat(email.text()).doesNotContain("\u202E").contains("Mallory \"the\" <b>Admin</b> (m@example.com)");
    }

    @Test
    void withoutAnInviterOrAnOrganisationNameItStillReads() {
        assertThat(renderer.render(invitation("", null, null, false), LINK).text())
                .contains("Someone has invited you to your organisation on shareflow");
        assertThat(renderer.render(invitation("Acme", " ", "ops@example.com", false), LINK).text())
                .contains("ops@example.com has invited you to Acme");
    }

    @Test
    void aLinkThatIsNotAWebUrlIsNoHyperlink() {
        String html = renderer.render(invitation("Acme", "Ada", null, false), "javascript:alert(1)").html();

        assertThat(html).doesNotContain("href=").contains("Finish creating your account: javascript:alert(1)");
    }

    @Test
    void theSameArgumentsRenderTheSameEMail() {
        RegistrationInvitation invitation = invitation("Acme", "Ada", "ada@example.com", false);
        assertThat(renderer.render(invitation, LINK)).isEqualTo(renderer.render(invitation, LINK));
        assertThat(invitation.toString()).doesNotContain("ada@example.com");
    }

    private static RegistrationInvitation invitation(String organization, String inviter, String inviterEmail,
                                                     boolean reinvite) {
        return new RegistrationInvitation(organization, inviter, inviterEmail, EXPIRES, reinvite);
    }
}
