package de.sipa.web;

import java.sql.SQLException;
import java.time.DateTimeException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

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

    /**
     * PostgreSQL's data exceptions (SQLSTATE class 22: a date beyond its years, a number out of range, a NUL in a
     * file name, text too long) come from what a user typed: a 400 naming that, not a 500. Anything else about
     * the database is a fault of SiPa's and stays a 500.
     */
    @ExceptionHandler(DataAccessException.class)
    String database(DataAccessException e, Model model, HttpServletResponse response) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("message",
                        messages.getMessage("error.input.unstorable", null, LocaleContextHolder.getLocale()));
                return "error/400";
            }
        }
        throw e;
    }

    /**
     * A form value Spring cannot convert at all (an id or a choice that is no id or choice) leaves a form record
     * unbuilt, and the binder then fails on the missing record before the controller is called: the user's input,
     * so a 400 page, not a 500. Any other illegal state is a fault of SiPa's and stays a 500.
     */
    @ExceptionHandler(IllegalStateException.class)
    String unconvertible(IllegalStateException e, Model model, HttpServletResponse response) {
        if (e.getMessage() == null || !e.getMessage().contains("null bean instance")) {
            throw e;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message",
                messages.getMessage("error.input.unstorable", null, LocaleContextHolder.getLocale()));
        return "error/400";
    }

    /** Date arithmetic past the year 999,999,999: only an absurd date typed somewhere gets there. */
    @ExceptionHandler(DateTimeException.class)
    String date(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message",
                messages.getMessage("error.input.unstorable", null, LocaleContextHolder.getLocale()));
        return "error/400";
    }

    /**
     * A parameter name or value that the firewall refuses (control characters, unassigned code points) surfaces
     * only when the parameters are read, e.g. while a form is bound: the sender's input, a 400 like any other.
     */
    @ExceptionHandler(RequestRejectedException.class)
    String rejected(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message",
                messages.getMessage("error.input.rejected", null, LocaleContextHolder.getLocale()));
        return "error/400";
    }

    /** A form that must carry a file came as something else (another content type, no file part). */
    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    String notAnUpload(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message",
                messages.getMessage("error.upload.missing", null, LocaleContextHolder.getLocale()));
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
