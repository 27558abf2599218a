package io.shareflow.api.page;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.shareflow.api.opening.Channel;
import io.shareflow.api.opening.LinkOpener;
import io.shareflow.api.opening.OpenAttempt;
import io.shareflow.api.opening.Opening;
import io.shareflow.api.opening.Refusal;
import io.shareflow.api.share.model.LinkToken;
import io.shareflow.support.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The page a person sees at a share's URL, {@code /s/{token}}: whatever {@link LinkOpener} answers, in words, with
 * the status the API would give ({@code 200, 401, 403, 404, 410, 429}). It decides nothing itself.
 *
 * <p>{@code POST /s/{token}} is the password form: a right password gives the browser a short-lived proof for this
 * link ({@link PasswordProofs}) and goes back to the page (post/redirect/get), so a reload neither asks again nor
 * re-sends the form.
 */
@Controller
class RecipientPageController {

    /** The page of each refusal. */
    private static final Map<Refusal, String> PAGES = Map.of(
            Refusal.UNKNOWN_TOKEN, "page/unknown",
            Refusal.SIGN_IN_REQUIRED, "page/sign-in",
            Refusal.PASSWORD_REQUIRED, "page/password",
            Refusal.WRONG_PASSWORD, "page/password",
            Refusal.OUTSIDE_AUDIENCE, "page/outside-audience",
            Refusal.EXPIRED, "page/expired",
            Refusal.REVOKED, "page/revoked",
            Refusal.REJECTED, "page/rejected",
            Refusal.LOCKED_OUT, "page/locked-out",
            Refusal.RATE_LIMITED, "page/rate-limited");

    private final LinkOpener opener;
    private final PasswordProofs proofs;
    private final PageSettings settings;
    private final Clock clock;

    RecipientPageController(LinkOpener opener, PasswordProofs proofs, PageSettings settings, Clock clock) {
        this.opener = opener;
        this.proofs = proofs;
        this.settings = settings;
        this.clock = clock;
    }

    // The token arrives as a LinkToken, whose toString() hides it: Spring's TRACE logs show handler arguments.
    @GetMapping("/s/{token}")
    ModelAndView show(@PathVariable LinkToken token, Optional<CurrentUser> caller, HttpServletRequest request,
                      HttpServletResponse response, CsrfToken csrf) {
        Opening opening = opener.open(attempt(token, caller, null, proofs.proven(token.value(), request).orElse(null),
                request));
        return render(token, opening, caller, response, csrf);
    }

    @PostMapping("/s/{token}")
    ModelAndView password(@PathVariable LinkToken token, Optional<CurrentUser> caller, HttpServletRequest request,
                          HttpServletResponse response, CsrfToken csrf) {
        // Read here, not as a handler argument: those are logged at TRACE. An empty form is no password given.
        String password = request.getParameter("password");
        String given = password == null || password.isEmpty() ? null : password;
        String proof = proofs.proven(token.value(), request).orElse(null);
        Opening opening = opener.open(attempt(token, caller, given, proof, request));
        // A proof only for a password the opener actually checked: with a valid proof of its current password it
        // checks none, so issuing one then would let any POST extend the proof for ever; other links need no proof.
        if (given != null && opening instanceof Opening.Opened opened && opened.passwordVersion() != null
                && !opened.passwordVersion().equals(proof)) {
            response.addHeader(HttpHeaders.SET_COOKIE,
                    proofs.issue(token.value(), opened.passwordVersion(), request.isSecure()).toString());
            RedirectView back = new RedirectView("/s/{token}", true);
            back.setStatusCode(HttpStatus.SEE_OTHER);
            back.setExposeModelAttributes(false);
            return new ModelAndView(back);
        }
        return render(token, opening, caller, response, csrf);
    }

    private static OpenAttempt attempt(LinkToken token, Optional<CurrentUser> caller, String password, String proof,
                                       HttpServletRequest request) {
        return new OpenAttempt(token.value(), caller.orElse(null), password, proof, request.getRemoteAddr(),
                Channel.PAGE);
    }

    private ModelAndView render(LinkToken token, Opening opening, Optional<CurrentUser> caller,
                                HttpServletResponse response, CsrfToken csrf) {
        ModelAndView page;
        if (opening instanceof Opening.Opened opened) {
            page = new ModelAndView("page/share");
            page.addObject("share", SharePage.of(opened.share()));
            page.setStatus(HttpStatus.OK);
        } else {
            Opening.Refused refused = (Opening.Refused) opening;
            Refusal refusal = refused.refusal();
            page = new ModelAndView(PAGES.get(refusal));
            page.setStatus(HttpStatus.valueOf(refusal.httpStatus()));
            page.addObject("refusal", refusal.name());
            page.addObject("detail", refused.detail());
            if (refused.askWhom() != null) {
                page.addObject("askName", SharePage.person(refused.askWhom()));
                page.addObject("askEmail", refused.askWhom().name() == null ? null : refused.askWhom().email());
            }
            if (refused.retryAfter() != null) {
                Duration wait = refused.retryAfter();
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
                page.addObject("retryIn", inWords(wait));
                page.addObject("retryAt", SharePage.when(clock.instant().plus(wait)));
            }
            if (refusal == Refusal.PASSWORD_REQUIRED || refusal == Refusal.WRONG_PASSWORD) {
                // Loaded now, while the response can still take the CSRF cookie; the form renders it as _csrf.
                if (csrf != null) {
                    csrf.getToken();
                }
                // The LinkToken, not its text: a logged model shows LinkToken[***].
                page.addObject("token", token);
                page.addObject("wrongPassword", refusal == Refusal.WRONG_PASSWORD);
            }
            page.addObject("signInUrl", settings.signInUrlFor(token.value()));
        }
        caller.ifPresent(user -> page.addObject("signedInAs", user.name() != null && !user.name().isBlank()
                ? user.name() : user.email()));
        caller.ifPresent(user -> page.addObject("signedInEmail", user.name() != null ? user.email() : null));
        return page;
    }

    /** "14 minutes", "1 minute", "40 seconds": rounded up, so the person never retries too early. */
    static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = (minutes + 59) / 60;
        return hours + " hours";
    }
}
