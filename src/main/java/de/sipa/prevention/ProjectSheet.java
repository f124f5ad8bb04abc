package de.sipa.prevention;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.places.Places;

/**
 * A project on one or two pages, the same for the PDF and the Word document: key facts, the texts of the Beccaria
 * steps (long texts shortened) and the indicators with their latest value. All wording from the messages.
 */
@Component
class ProjectSheet {

    /** Longest text of one step field on the sheet; longer ones end in "…". */
    static final int MAX_FIELD = 500;

    /** A labelled line; {@code label} may be empty for a plain paragraph. */
    record Line(String label, String text) {
    }

    record Section(String heading, List<Line> lines) {
    }

    record Content(String title, String stand, List<Section> sections) {
    }

    private final Indicators indicators;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Places places;
    private final MessageSource messages;

    ProjectSheet(Indicators indicators, Partnerships partnerships, Organisations organisations, Places places,
            MessageSource messages) {
        this.indicators = indicators;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.places = places;
        this.messages = messages;
    }

    Content of(PreventionProject project, Locale locale, LocalDate today) {
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        var orgs = new HashMap<de.sipa.shared.OrganisationId, String>();
        organisations.all().forEach(o -> orgs.put(o.id(), o.name()));
        var districts = new HashMap<de.sipa.partners.DistrictId, String>();
        partnerships.districts().forEach(d -> districts.put(d.id(), d.name()));
        String none = text(locale, "prevention.sheet.none");

        var facts = new ArrayList<Line>();
        facts.add(new Line(text(locale, "prevention.status"), text(locale, "prevention.status." + project.status())));
        facts.add(new Line(text(locale, "prevention.field"), text(locale, "prevention.field." + project.field())));
        facts.add(new Line(text(locale, "prevention.targetGroups"), project.targetGroups().isEmpty() ? none
                : String.join(", ", project.targetGroups().stream()
                        .map(g -> text(locale, "prevention.targetGroup." + g)).toList())));
        facts.add(new Line(text(locale, "prevention.lead"),
                project.lead() == null ? text(locale, "prevention.lead.none") : orgs.getOrDefault(project.lead(), none)));
        facts.add(new Line(text(locale, "prevention.partners"), project.partners().isEmpty() ? none
                : String.join(", ", project.partners().stream().map(o -> orgs.getOrDefault(o, "")).toList())));
        facts.add(new Line(text(locale, "prevention.districts"), project.districts().isEmpty()
                ? text(locale, "prevention.districts.all")
                : String.join(", ", project.districts().stream().map(d -> districts.getOrDefault(d, "")).toList())));
        var placeNames = ProjectController.placesOf(project, places.places()).stream().map(p -> p.name()).toList();
        if (!placeNames.isEmpty()) {
            facts.add(new Line(text(locale, "prevention.places"), String.join(", ", placeNames)));
        }
        facts.add(new Line(text(locale, "prevention.period"),
                (project.startsOn() == null ? "…" : day.format(project.startsOn())) + " – "
                        + (project.endsOn() == null ? "…" : day.format(project.endsOn()))));
        facts.add(new Line(text(locale, "prevention.contact"),
                project.contactPerson().isEmpty() ? none : project.contactPerson()));
        var budget = new StringBuilder(text(locale, "prevention.budget.value", Amounts.format(project.budget())));
        for (var f : project.funding()) {
            budget.append("; ").append(text(locale, "prevention.funding.line", f.source(), Amounts.format(f.amount())));
        }
        facts.add(new Line(text(locale, "prevention.budget"), budget.toString()));
        var evidence = project.evidence();
        facts.add(new Line(text(locale, "prevention.evidence"),
                (evidence.programme().isEmpty() ? text(locale, "prevention.evidence.noProgramme") : evidence.programme())
                        + " – " + text(locale, "prevention.evidence." + evidence.level())
                        + (evidence.registry().isEmpty() ? "" : " (" + evidence.registry() + ")")
                        + (evidence.url().isEmpty() ? "" : " " + evidence.url())));
        var sections = new ArrayList<Section>();
        var intro = new ArrayList<Line>(facts);
        if (!project.summary().isEmpty()) {
            intro.add(new Line("", shortened(project.summary())));
        }
        sections.add(new Section(text(locale, "prevention.sheet.facts"), intro));

        var steps = new ArrayList<Line>();
        for (var step : BeccariaStep.values()) {
            var texts = project.step(step);
            var parts = new ArrayList<String>();
            for (var field : step.fields()) {
                var value = texts.getOrDefault(field.name(), "");
                if (!value.isBlank()) {
                    parts.add(text(locale, "prevention.step.field." + field.name()) + ": " + shortened(value));
                }
            }
            steps.add(new Line(step.number() + ". " + text(locale, "prevention.step." + step),
                    parts.isEmpty() ? none : String.join("\n", parts)));
        }
        sections.add(new Section(text(locale, "prevention.sheet.steps"), steps));

        var numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(2);
        var lines = new ArrayList<Line>();
        for (var indicator : indicators.of(project.id())) {
            var measured = indicators.measurements(indicator).stream().filter(m -> m.value() != null).toList();
            String latest = measured.isEmpty() ? none
                    : numbers.format(measured.get(measured.size() - 1).value()) + " ("
                            + day.format(measured.get(measured.size() - 1).to()) + ")";
            lines.add(new Line("", text(locale, "prevention.sheet.indicator.line",
                    indicator.name() + (indicator.unit().isEmpty() ? "" : " (" + indicator.unit() + ")"),
                    indicator.baseline() == null ? none : numbers.format(indicator.baseline()),
                    indicator.target() == null ? none : numbers.format(indicator.target()), latest)));
        }
        if (!lines.isEmpty()) {
            sections.add(new Section(text(locale, "prevention.sheet.indicators"), lines));
        }
        return new Content(text(locale, "prevention.sheet.title", project.title()),
                text(locale, "prevention.sheet.stand", day.format(today)), sections);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String shortened(String text) {
        return text.length() <= MAX_FIELD ? text : text.substring(0, MAX_FIELD - 1).strip() + "…";
    }

    /** A file name from the title: letters, digits and dashes. */
    static String fileName(String title) {
        var normal = java.text.Normalizer.normalize(title.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        var name = normal.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "steckbrief-" + (name.isEmpty() ? "projekt" : name);
    }
}
