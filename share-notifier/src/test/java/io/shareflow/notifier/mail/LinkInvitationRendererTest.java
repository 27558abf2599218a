package io.shareflow.notifier.mail;

import static io.shareflow.notifier.mail.InvitationFixtures.LINK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkInvitationRendererTest {

    private final LinkInvitationRenderer renderer = new LinkInvitationRenderer();

    @Test
    void saysWhoSharedWhatByWhichLinkWithWhichRoleAndLinksToIt() {
        RenderedEmail email = renderer.render(aLink("anyone"), LINK);

        assertThat(email.subject()).isEqualTo("Ada Sharer shared \"Plant 4 drawings\" with you");
        assertThat(email.text())
                .contains("Ada Sharer (ada@example.com) has shared the folder \"Plant 4 drawings\" with you by a link.\n")
                .contains("The link is called \"For the auditors\".\n")
                .contains("Your role: downloader - you can view and download.\n")
                .contains("> Hi all,\n> the drawings.\n")
                .contains("Open the folder: " + LINK + "\n")
                .contains("This link expires on 31 January 2027 at 13:45 UTC.");
        assertThat(email.html())
                .contains("<strong>Ada Sharer</strong> (ada@example.com) has shared the folder")
                .contains("&ldquo;Plant 4 drawings&rdquo;")
                .contains("The link is called &ldquo;For the auditors&rdquo;.")
                .contains("<strong>downloader</strong>")
                .contains("<a href=\"" + LINK + "\"")
                .contains("Hi all,<br>\nthe drawings.")
                .contains("This link expires on 31 January 2027 at 13:45 UTC.");
    }

    @Test
    void aPasswordLinkSaysThatThePasswordComesSeparatelyFromTheSharer() {
        RenderedEmail email = renderer.render(aLink("password"), LINK);

        String note = "The link is protected by a password, which is not in this e-mail: Ada Sharer gives it to you separately.";
        assertThat(email.text()).contains(note);
        assertThat(email.html()).contains(note);
    }

    @ParameterizedTest
    @ValueSource(strings = {"organization", "users", "USERS"})
    void organisationAndUserLinksSayThatSignInIsNeeded(String audience) {
        RenderedEmail email = renderer.render(aLink(audience), LINK);

        assertThat(email.text()).contains("You need to sign in to open it");
        assertThat(email.html()).contains("You need to sign in to open it");
        assertThat(email.text()).doesNotContain("password");
    }

    @Test
    void aLinkForAnyoneNeedsNoSignInOrPassword() {
        String text = renderer.render(aLink("anyone"), LINK).text();

        assertThat(text).contains("Anyone who has this link can open it").doesNotContain("sign in", "password");
    }

    @Test
    void anUnknownAudienceSaysNothingAboutAccess() {
        String text = renderer.render(aLink("martians"), LINK).text();

        assertThat(text).doesNotContain("sign in", "password", "Anyone");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\r\n"})
    void leavesOutTheNameOfALinkThatHasNone(String name) {
        RenderedEmail email = renderer.render(with(aLink("anyone"), name, null, null), LINK);

        assertThat(email.text()).doesNotContain("The link is called");
        assertThat(email.html()).doesNotContain("The link is called");
    }

    @Test
    void keepsTheSharersSubjectOneLineSoNoHeaderCanBeInjected() {
        RenderedEmail email = renderer.render(with(aLink("anyone"), null, "Drawings\r\nBcc: victim@example.com\u202Ex",
                null), LINK);

        assertThat(email.subject()).isEqualTo("Drawings Bcc: victim@example.com x");
    }

    @Test
    void escapesEveryUserTextInTheHtmlPart() {
        LinkInvitation evil = new LinkInvitation("<b>Eve</b> & co", "eve@example.com\"><script>",
                "<img src=x onerror=alert(1)>", "folder", "viewer", "anyone", "<a href=\"https://evil.example\">x</a>",
                null, "<script>alert('x')</script>\nbye & \"thanks\"", null);

        RenderedEmail email = renderer.render(evil, LINK);

        assertThat(email.html())
                .contains("&lt;b&gt;Eve&lt;/b&gt; &amp; co")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;a href=&quot;https://evil.example&quot;&gt;x&lt;/a&gt;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\nbye &amp; &quot;thanks&quot;")
                .contains("eve@example.com&quot;&gt;&lt;script&gt;")
                .doesNotContain("<script", "<img", "<b>Eve", "href=\"https://evil.example\"");
        assertThat(email.subject()).isEqualTo("<b>Eve</b> & co shared \"<img src=x onerror=alert(1)>\" with you");
        assertThat(email.text()).contains("> <script>alert('x')</script>\n> bye & \"thanks\"\n");
    }

    @Test
    void dropsControlCharactersAndLineBreaksFromNames() {
        RenderedEmail email = renderer.render(new LinkInvitation("Eve\r\nBcc: x@example.com", "eve@example.com",
                "a\u0000\nb", "file", "viewer", "anyone", "na\u2028me", null, null, null), LINK);

        assertThat(email.subject()).isEqualTo("Eve Bcc: x@example.com shared \"a b\" with you");
        assertThat(email.text()).contains("The link is called \"na me\".").doesNotContain("\u0000", "\r", "\u2028");
    }

    @Test
    void aSharerWithoutANameIsNamedByTheAddress() {
        RenderedEmail email = renderer.render(new LinkInvitation(" ", "ada@example.com", "r", "file", "viewer", "anyone",
                null, null, null, null), LINK);

        assertThat(email.subject()).isEqualTo("ada@example.com shared \"r\" with you");
        assertThat(email.text()).contains("ada@example.com has shared the file").doesNotContain("(ada@example.com)");
    }

    @Test
    void saysWhenTheLinkDoesNotExpire() {
        assertThat(renderer.render(with(aLink("anyone"), null, null, null), LINK).text())
                .contains("This link does not expire.").doesNotContain("expires on");
    }

    @Test
    void linksOnlyWebUrls() {
        String html = renderer.render(aLink("anyone"), "javascript:alert(1)").html();

        assertThat(html).doesNotContain("href=").contains("Open the folder: javascript:alert(1)");
    }

    /** Every attempt is rendered anew from the same row, and must send the same thing. */
    @Test
    void rendersTheSameEmailEveryTime() {
        assertThat(renderer.render(aLink("password"), LINK)).isEqualTo(new LinkInvitationRenderer().render(aLink("password"), LINK));
    }

    private static LinkInvitation aLink(String audience) {
        return new LinkInvitation("Ada Sharer", "ada@example.com", "Plant 4 drawings", "folder", "downloader", audience,
                "For the auditors", null, "Hi all,\nthe drawings.", Instant.parse("2027-01-31T13:45:00Z"));
    }

    private static LinkInvitation with(LinkInvitation i, String linkName, String subject, Instant expiresAt) {
        return new LinkInvitation(i.sharerName(), i.sharerEmail(), i.resourceName(), i.resourceKind(), i.role(),
                i.audience(), linkName, subject, i.message(), expiresAt);
    }
}
