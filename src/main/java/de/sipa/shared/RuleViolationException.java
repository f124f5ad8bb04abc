package de.sipa.shared;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A business rule the user's input broke. Carries message keys (with arguments) so that the web layer
 * can show them in the user's language.
 */
public class RuleViolationException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public RuleViolationException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The message in the language of the current request. */
    public String describe(MessageSource messages) {
        return messages.getMessage(messageKey, arguments(), messageKey, LocaleContextHolder.getLocale());
    }
}
