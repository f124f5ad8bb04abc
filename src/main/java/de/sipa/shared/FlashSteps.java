package de.sipa.shared;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One step a user takes with a button (approve, close, hand back …) whose page then reloads: the outcome goes
 * into the flash, as the success message key or as the refusal in the user's language.
 */
public final class FlashSteps {

    private FlashSteps() {
    }

    /** Runs the step; returns whether it succeeded. */
    public static boolean run(RedirectAttributes redirect, MessageSource messages, String success, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("success", success);
            return true;
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return false;
        }
    }

    /** Runs the step and reloads the page at {@code path}: what most buttons answer. */
    public static String runAndShow(RedirectAttributes redirect, MessageSource messages, String success, Runnable step,
            String path) {
        run(redirect, messages, success, step);
        return "redirect:" + path;
    }
}
