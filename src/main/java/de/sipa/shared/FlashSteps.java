package de.sipa.shared;

import java.util.HashMap;
import java.util.Map;

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

    /**
     * Runs a step typed into a form: when it is refused, the typed values come back with the reloaded page as the
     * flash attribute {@code input}, so nothing is lost.
     */
    public static boolean run(RedirectAttributes redirect, MessageSource messages, String success, Runnable step,
            Map<String, ?> input) {
        var done = run(redirect, messages, success, step);
        if (!done) {
            redirect.addFlashAttribute("input", input);
        }
        return done;
    }

    /** A form's typed values by field name, given as name, value, name, value …; no value is kept as empty. */
    public static Map<String, String> typed(Object... namesAndValues) {
        var typed = new HashMap<String, String>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            typed.put((String) namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1].toString());
        }
        return typed;
    }

    /** Runs the step and reloads the page at {@code path}: what most buttons answer. */
    public static String runAndShow(RedirectAttributes redirect, MessageSource messages, String success, Runnable step,
            String path) {
        run(redirect, messages, success, step);
        return "redirect:" + path;
    }
}
