package de.sipa.prevention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.DistrictId;
import de.sipa.reports.CategoryId;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.RuleViolationException;

/** Defining a project's indicators and entering their measured values, from the project page. */
@Controller
class IndicatorController {

    private final Indicators indicators;
    private final MessageSource messages;

    IndicatorController(Indicators indicators, MessageSource messages) {
        this.indicators = indicators;
        this.messages = messages;
    }

    @PostMapping("/praevention/{id}/indikatoren")
    @PreAuthorize(PreventionPermissions.EDIT)
    String define(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String baseline,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "TYPED") IndicatorSource source,
            @RequestParam(required = false) UUID categoryId, @RequestParam(required = false) UUID districtId,
            @RequestParam(required = false) UUID offenceGroupId, @RequestParam(required = false) String surveyKey,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "prevention.indicator.saved",
                () -> indicators.define(new ProjectId(id), new IndicatorDraft(name, unit,
                        number(baseline, "prevention.indicator.baseline.invalid"),
                        number(target, "prevention.indicator.target.invalid"), source,
                        categoryId == null ? null : new CategoryId(categoryId),
                        districtId == null ? null : new DistrictId(districtId), offenceGroupId,
                        surveyKey == null || surveyKey.isBlank() ? null : surveyKey.strip())),
                FlashSteps.typed("indicatorName", name, "indicatorUnit", unit, "indicatorBaseline", baseline,
                        "indicatorTarget", target));
        return "redirect:/praevention/" + id + "#indicators";
    }

    @PostMapping("/praevention/{id}/indikatoren/{indicator}/werte")
    @PreAuthorize(PreventionPermissions.EDIT)
    String measure(@PathVariable UUID id, @PathVariable UUID indicator, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String value,
            RedirectAttributes redirect) {
        FlashSteps.run(redirect, messages, "prevention.indicator.measured",
                () -> indicators.measure(new ProjectId(id), new IndicatorId(indicator), date(from), date(to),
                        number(value, "prevention.indicator.value.invalid")),
                FlashSteps.typed("valueFor", indicator, "valueFrom", from, "valueTo", to, "valueValue", value));
        return "redirect:/praevention/" + id + "#indicator-" + indicator;
    }

    @PostMapping("/praevention/{id}/indikatoren/{indicator}/werte/{value}/loeschen")
    @PreAuthorize(PreventionPermissions.EDIT)
    String removeValue(@PathVariable UUID id, @PathVariable UUID indicator, @PathVariable UUID value,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "prevention.indicator.valueRemoved",
                () -> indicators.removeValue(new ProjectId(id), new IndicatorId(indicator), value),
                "/praevention/" + id);
    }

    @PostMapping("/praevention/{id}/indikatoren/{indicator}/loeschen")
    @PreAuthorize(PreventionPermissions.EDIT)
    String remove(@PathVariable UUID id, @PathVariable UUID indicator, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "prevention.indicator.removed",
                () -> indicators.remove(new ProjectId(id), new IndicatorId(indicator)), "/praevention/" + id);
    }

    private static BigDecimal number(String text, String key) {
        try {
            return Amounts.parse(text);
        } catch (NumberFormatException e) {
            throw new RuleViolationException(key);
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("prevention.indicator.period.invalid");
        }
    }
}
