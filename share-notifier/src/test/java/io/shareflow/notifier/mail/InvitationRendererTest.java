package io.shareflow.notifier.mail;

import static io.shareflow.notifier.mail.InvitationFixtures.LINK;
import static io.shareflow.notifier.mail.InvitationFixtures.anInvitation;
import static io.shareflow.notifier.mail.InvitationFixtures.withExpiry;
import static io.shareflow.notifier.mail.InvitationFixtures.withMessage;
import static io.shareflow.notifier.mail.InvitationFixtures.withNames;
import static io.shareflow.notifier.mail.InvitationFixtures.withSubject;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationRendererTest {

    private final InvitationRenderer renderer = new InvitationRenderer();

    @Test
    void saysWhoSharedWhatWithWhichRoleAndLinksToIt() {
        RenderedEmail email = renderer.render(anInvitation(), LINK);

        assertThat(email.text())
                .contains("Ada Sharer (ada@example.com) has shared the file \"Pump P-101 manual.pdf\" with you.")
                .contains("Your role: downloader - you can view and download.")
                .contains("Open the file: " + LINK)
                .contains("> Hi Bob,\n> here it is.\n");
        assertThat(email.html())
                .contains("<strong>Ada Sharer</strong>")
                .contains("&ldquo;Pump P-101 manual.pdf&rdquo;")
                .contains("<strong>downloader</strong>")
                .contains("<a href=\"" + LINK + "\"")
                .contains("Hi Bob,<br>\nhere it is.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\r\n", "\u0007\t"})
    void usesTheDefaultSubjectWhenNoneIsGiven(String subject) {
        assertThat(renderer.render(withSubject(subject), LINK).subject())
                .isEqualTo("Ada Sharer shared \"Pump P-101 manual.pdf\" with you");
    }

    @Test
    void keepsTheSharersSubject() {
        assertThat(renderer.render(withSubject("The manual you asked for"), LINK).subject())
                .isEqualTo("The manual you asked for");
    }

    @Test
    void stripsLineBreaksAndControlCharactersFromTheSubjectSoNoHeaderCanBeInjected() {
        RenderedEmail email = renderer.render(withSubject("Hello\r\nBcc: victim@example.com\u0000\u0085\u2028x\u202Ey"),
                LINK);

        assertThat(email.subject()).isEqualTo("Hello Bcc: victim@example.com x y");
        assertThat(email.subject()).doesNotContain("\r", "\n", "\u0000", "\u0085", "\u2028", "\u202E");
    }

    @Test
    void stripsLineBreaksFromNamesInTheDefaultSubject() {
        String subject = renderer.render(withNames("Eve\r\nBcc: x@example.com", "a\nb"), LINK).subject();

        assertThat(subject).isEqualTo("Eve Bcc: x@example.com shared \"a b\" with you");
    }

    @Test
    void cutsOverlongSubjects() {
        String subject = renderer.render(withSubject("x".repeat(500)), LINK).subject();

        assertThat(subject).hasSize(InvitationRenderer.MAX_SUBJECT_LENGTH).endsWith("…");
    }

    @Test
    void escapesEveryUserTextInTheHtmlPart() {
        Invitation evil = new Invitation("<b>Eve</b> & co", "eve@example.com\"><script>", "<img src=x onerror=alert(1)>",
                "file", "viewer", "<i>subject</i>", "<script>alert('x')</script>\nbye & \"thanks\"", null);

        String html = renderer.render(evil, LINK).html();

        assertThat(html)
                .contains("&lt;b&gt;Eve&lt;/b&gt; &amp; co")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\nbye &amp; &quot;thanks&quot;")
                .contains("eve@example.com&quot;&gt;&lt;script&gt;")
                .doesNotContain("<script", "<img", "<b>Eve");
    }

    @Test
    void keepsTheMessageVerbatimInTheTextPartButDropsControlCharacters() {
        String text = renderer.render(withMessage("<b>bold</b>\r\nline two\u0007\u001b[31m"), LINK).text();

        assertThat(text).contains("> <b>bold</b>\n> line two[31m\n").doesNotContain("\r", "\u0007", "\u001b");
    }

    @Test
    void leavesOutTheMessageWhenThereIsNone() {
        RenderedEmail email = renderer.render(withMessage(null), LINK);

        assertThat(email.text()).doesNotContain("wrote:");
        assertThat(email.html()).doesNotContain("<blockquote");
    }

    @Test
    void showsTheExpiryInUtc() {
        RenderedEmail email = renderer.render(withExpiry(Instant.parse("2027-01-31T13:45:00Z")), LINK);

        assertThat(email.text()).contains("This share expires on 31 January 2027 at 13:45 UTC.");
        assertThat(email.html()).contains("This share expires on 31 January 2027 at 13:45 UTC.");
    }

    @Test
    void saysWhenTheShareDoesNotExpire() {
        RenderedEmail email = renderer.render(withExpiry(null), LINK);

        assertThat(email.text()).contains("This share does not expire.").doesNotContain("expires on");
    }

    /** Every attempt at a notification is rendered anew from the same row, and must send the same thing. */
    @Test
    void rendersTheSameEmailEveryTime() {
        assertThat(renderer.render(anInvitation(), LINK)).isEqualTo(new InvitationRenderer().render(anInvitation(), LINK));
    }

    @Test
    void linksOnlyWebUrls() {
        String html = renderer.render(anInvitation(), "javascript:alert(1)").html();

        assertThat(html).doesNotContain("href=").contains("Open the file: javascript:alert(1)");
    }

    @Test
    void describesEachRole() {
        assertThat(InvitationRenderer.abilities("viewer")).isEqualTo("view");
        assertThat(InvitationRenderer.abilities("downloader")).isEqualTo("view and download");
        assertThat(InvitationRenderer.abilities("contributor")).isEqualTo("view, download and add to");
        assertThat(InvitationRenderer.abilities("manager")).isEqualTo("view, download, change and share");
        assertThat(InvitationRenderer.abilities("unknown")).isEqualTo("use");
    }
}
