package de.sipa.operations;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.springframework.web.util.HtmlUtils;

/**
 * A roster line ready to print. A year's roster has 2,000 of them, and the template's work per element and expression
 * was nearly all of the page's time (see bench/README.md, "Patrol roster"): day and times are formatted here with
 * formatters made once per page, and the crews cell, up to ten elements, arrives as one piece of escaped HTML.
 *
 * @param crews HTML of the crews cell: "abgesagt", then per organisation its name, its people and what is missing
 */
public record PatrolRosterRow(String id, String day, String time, String plan, String areas, boolean gap,
        String crews) {

    /** The rows in the city's zone and the reader's language ("Fr. 13.03.2026", "20:00–02:00"). */
    static List<PatrolRosterRow> of(List<PatrolRosterEntry> entries, ZoneId zone, Locale locale, String cancelledLabel,
            IntFunction<String> missingLabel) {
        var day = DateTimeFormatter.ofPattern("EE dd.MM.yyyy", locale);
        var time = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone);
        var missing = new HashMap<Integer, String>();
        var cancelled = badge(cancelledLabel);
        return entries.stream().map(e -> {
            var patrol = e.patrol();
            var crews = new StringBuilder(patrol.cancelled() ? cancelled : "");
            for (var crew : e.crews()) {
                crews.append("<div class=\"crew\"><strong>").append(escape(crew.name()))
                        .append(":</strong> <span>").append(escape(crew.memberNames())).append("</span>");
                if (crew.missing() > 0 && !patrol.cancelled()) {
                    crews.append(' ').append(missing.computeIfAbsent(crew.missing(), n -> badge(missingLabel.apply(n))));
                }
                crews.append("</div>");
            }
            return new PatrolRosterRow(patrol.id().toString(), day.format(patrol.day()),
                    time.format(patrol.startsAt()) + "–" + time.format(patrol.endsAt()), e.plan(), e.areaNames(),
                    e.hasGap(), crews.toString());
        }).toList();
    }

    /** As th:text escapes: only the markup characters, umlauts stay as they are in the UTF-8 page. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String badge(String label) {
        return "<span class=\"badge warn\">" + escape(label) + "</span>";
    }
}
