package de.sipa.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.RuleViolationException;

/** The user's own account: change the password, enrol or turn off the second factor, renew recovery codes. */
@Controller
class OwnAccountController {

    private static final String ENROLLING = "sipa.totpEnrolling";
    private static final String ISSUER = "SiPa";

    private final Credentials credentials;
    private final SecuritySettings settings;
    private final MessageSource messages;

    OwnAccountController(Credentials credentials, SecuritySettings settings, MessageSource messages) {
        this.credentials = credentials;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/account")
    String page(Model model) {
        var user = CurrentUser.get();
        model.addAttribute("me", user);
        model.addAttribute("hasTotp", credentials.hasTotp());
        model.addAttribute("totpRequired", settings.requiresTotp(user.role()));
        model.addAttribute("recoveryCodesLeft", credentials.hasTotp() ? credentials.unusedRecoveryCodes() : 0);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            if (!password.equals(repeat)) {
                throw new RuleViolationException("password.repeat.mismatch");
            }
            credentials.changePassword(current, password, request.getSession().getId());
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/account";
        }
        request.changeSessionId();
        redirect.addFlashAttribute("success", "password.changed");
        return "redirect:/account";
    }

    @GetMapping("/account/totp")
    String enrolment(Model model, HttpSession session) {
        if (credentials.hasTotp()) {
            return "redirect:/account";
        }
        var secret = session.getAttribute(ENROLLING) instanceof String s ? s : Totp.base32(Totp.newSecret());
        session.setAttribute(ENROLLING, secret);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("uri", Totp.uri(ISSUER, CurrentUser.get().username(), Totp.fromBase32(secret)));
        model.addAttribute("required", Boolean.TRUE.equals(session.getAttribute(SecurityConfiguration.MUST_ENROL_TOTP)));
        return "identity/totp-enrol";
    }

    @PostMapping("/account/totp")
    String enrol(@RequestParam(defaultValue = "") String code, Model model, HttpSession session,
            RedirectAttributes redirect) {
        if (!(session.getAttribute(ENROLLING) instanceof String secret)) {
            return "redirect:/account/totp";
        }
        List<String> codes;
        try {
            codes = credentials.enableTotp(secret, code);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/account/totp";
        }
        session.removeAttribute(ENROLLING);
        session.removeAttribute(SecurityConfiguration.MUST_ENROL_TOTP);
        model.addAttribute("codes", codes);
        return "identity/recovery-codes";
    }

    @PostMapping("/account/totp/recovery-codes")
    String renewRecoveryCodes(Model model) {
        model.addAttribute("codes", credentials.renewRecoveryCodes());
        return "identity/recovery-codes";
    }

    @PostMapping("/account/totp/disable")
    String disable(@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        try {
            credentials.disableTotp(password);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/account";
        }
        redirect.addFlashAttribute("success", "totp.disabled");
        return "redirect:/account";
    }
}
