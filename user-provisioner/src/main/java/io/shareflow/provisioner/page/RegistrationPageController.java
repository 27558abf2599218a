package io.shareflow.provisioner.page;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.shareflow.domain.Gone;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.PasswordPolicy;
import io.shareflow.provisioner.registration.RegistrationRequest;
import io.shareflow.provisioner.registration.RegistrationService;
import io.shareflow.provisioner.registration.RegistrationSettings;
import io.shareflow.provisioner.registration.TokenInPath;
import io.shareflow.provisioner.registration.model.RegistrationLinkCheck;
import io.shareflow.provisioner.registration.model.RegistrationLinkCheck.State;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page of an e-mailed registration link, {@code /register/{token}}: the form (display name, the password twice,
 * the rules shown) while the link works, or a page saying why it does not, with the status the API would give
 * ({@code 404} unknown, {@code 410} used, replaced or expired, {@code 429} locked after failed attempts).
 *
 * <p>{@code POST /register/{token}} sends the form to {@link RegistrationService#register}, the same use case and
 * rules as {@code POST /v1/registrations/{token}}; a refused name or password shows the form again with the reason
 * (400) and never the password. Two passwords that differ, and a name Bean Validation refuses (the API's
 * {@link RegistrationRequest} rules), are answered here before the use case, as the API's 400 of Bean Validation
 * is: they count no failed attempt. A refusal that reaches the failed-attempt limit shows the locked-out page (429)
 * at once rather than a form whose next sending would be refused anyway. The success page links to {@code shareflow.registration.sign-in-url}.
 */
@Controller
class RegistrationPageController {

    private static final Map<State, String> PAGES = Map.of(
            State.UNKNOWN, "register/unknown",
            State.USED, "register/used",
            State.SUPERSEDED, "register/superseded",
            State.EXPIRED, "register/expired",
            State.LOCKED_OUT, "register/locked-out");
    private static final Map<State, HttpStatus> STATUSES = Map.of(
            State.UNKNOWN, HttpStatus.NOT_FOUND,
            State.USED, HttpStatus.GONE,
            State.SUPERSEDED, HttpStatus.GONE,
            State.EXPIRED, HttpStatus.GONE,
            State.LOCKED_OUT, HttpStatus.TOO_MANY_REQUESTS);

    private final RegistrationService registrations;
    private final RegistrationSettings settings;
    private final Validator validator;

    RegistrationPageController(RegistrationService registrations, RegistrationSettings settings, Validator validator) {
        this.registrations = registrations;
        this.settings = settings;
        this.validator = validator;
    }

    // The token arrives as a TokenInPath, whose toString() hides it: Spring's TRACE logs show handler arguments.
    @GetMapping("/register/{token}")
    ModelAndView show(@PathVariable TokenInPath token, HttpServletResponse response, CsrfToken csrf) {
        RegistrationLinkCheck check = registrations.check(token.value());
        if (check.state() != State.USABLE) {
            return refused(check, response);
        }
        return form(token, check, csrf, null, null, null, HttpStatus.OK);
    }

    @PostMapping("/register/{token}")
    ModelAndView register(@PathVariable TokenInPath token, HttpServletRequest request, HttpServletResponse response,
                          CsrfToken csrf) {
        // Read here, not as handler arguments: those are logged at TRACE.
        String displayName = Objects.requireNonNullElse(request.getParameter("displayName"), "");
        String password = Objects.requireNonNullElse(request.getParameter("password"), "");
        String again = Objects.requireNonNullElse(request.getParameter("passwordAgain"), "");

        Optional<String> nameRefused = nameViolation(displayName, password);
        if (nameRefused.isPresent() || !password.equals(again)) {
            RegistrationLinkCheck check = registrations.check(token.value());
            if (check.state() != State.USABLE) {
                return refused(check, response);
            }
            return nameRefused.isPresent()
                    ? form(token, check, csrf, displayName, "displayName", "Your name " + nameRefused.get() + ".",
                    HttpStatus.BAD_REQUEST)
                    : form(token, check, csrf, displayName, "passwordAgain",
                    "The two passwords differ. Type the same password twice.", HttpStatus.BAD_REQUEST);
        }
        try {
            User user = registrations.register(token.value(), displayName.strip(), password);
            ModelAndView page = new ModelAndView("register/registered");
            page.setStatus(HttpStatus.OK);
            page.addObject("displayName", user.displayName());
            page.addObject("email", user.email().value());
            page.addObject("signInUrl", settings.signInUrl());
            return page;
        } catch (InvalidRequest refusedPassword) {
            RegistrationLinkCheck check = registrations.check(token.value());
            if (check.state() != State.USABLE) {
                return refused(check, response);
            }
            return form(token, check, csrf, displayName, refusedPassword.field(),
                    "The password " + refusedPassword.getMessage() + ".", HttpStatus.BAD_REQUEST);
        } catch (NotFound unknown) {
            return refused(RegistrationLinkCheck.refused(State.UNKNOWN), response);
        } catch (Gone gone) {
            RegistrationLinkCheck check = registrations.check(token.value());
            return refused(check.state() == State.USABLE || check.state() == State.UNKNOWN
                    ? RegistrationLinkCheck.refused(State.USED) : check, response);
        } catch (ApiException tooMany) {
            if (tooMany.status() != HttpStatus.TOO_MANY_REQUESTS || tooMany.retryAfter() == null) {
                throw tooMany;
            }
            return refused(RegistrationLinkCheck.lockedOut(tooMany.retryAfter()), response);
        }
    }

    /** The API's rules for the name ({@link RegistrationRequest}), the first refusal in words. */
    private Optional<String> nameViolation(String displayName, String password) {
        Set<ConstraintViolation<RegistrationRequest>> violations =
                validator.validateProperty(new RegistrationRequest(displayName, password), "displayName");
        return violations.stream().map(ConstraintViolation::getMessage).sorted(Comparator.naturalOrder()).findFirst();
    }

    private ModelAndView form(TokenInPath token, RegistrationLinkCheck check, CsrfToken csrf, String displayName,
                              String errorField, String error, HttpStatus status) {
        // Loaded now, while the response can still take the CSRF cookie; the form renders it as _csrf.
        if (csrf != null) {
            csrf.getToken();
        }
        ModelAndView page = new ModelAndView("register/form");
        page.setStatus(status);
        // The TokenInPath, not its text: a logged model shows "…".
        page.addObject("token", token);
        page.addObject("email", check.email().value());
        page.addObject("displayName", displayName);
        page.addObject("errorField", errorField);
        page.addObject("error", error);
        page.addObject("minCharacters", PasswordPolicy.MIN_CHARACTERS);
        page.addObject("maxBytes", PasswordPolicy.MAX_UTF8_BYTES);
        return page;
    }

    private ModelAndView refused(RegistrationLinkCheck check, HttpServletResponse response) {
        ModelAndView page = new ModelAndView(PAGES.get(check.state()));
        page.setStatus(STATUSES.get(check.state()));
        if (check.retryAfter() != null) {
            Duration wait = check.retryAfter();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            page.addObject("retryIn", inWords(wait));
        }
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
