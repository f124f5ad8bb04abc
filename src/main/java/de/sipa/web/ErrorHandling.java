package de.sipa.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * Errors a user can cause end on a page in their language with a 4xx status, never a stack trace. Forms
 * catch rule violations themselves to keep the input; this is the fallback.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorHandling {

    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "error/404";
    }

    /** A malformed id in the path names nothing (404); a malformed field or filter value is the user's input (400). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return notFound(response);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", messages.getMessage("error.parameter.invalid",
                new Object[] {e.getValue(), e.getName()}, LocaleContextHolder.getLocale()));
        return "error/400";
    }

    @ExceptionHandler(RuleViolationException.class)
    String ruleViolation(RuleViolationException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.describe(messages));
        return "error/400";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        model.addAttribute("message",
                messages.getMessage("error.upload.tooLarge", null, LocaleContextHolder.getLocale()));
        return "error/400";
    }
}
