package de.sipa.reports.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.Contact;
import de.sipa.reports.NewReport;
import de.sipa.reports.Receipt;
import de.sipa.reports.ReportSource;
import de.sipa.reports.Reports;
import de.sipa.shared.PartnershipId;

/**
 * POST requests: turns the spec's parameters into a report and its photo, in one transaction, so the client is
 * answered only after both are stored, and a refusal stores nothing.
 */
@Service
class Open311Intake {

    private final Categories categories;
    private final Reports reports;

    Open311Intake(Categories categories, Reports reports) {
        this.categories = categories;
        this.reports = reports;
    }

    record Submitted(Receipt receipt, Category category) {
    }

    /**
     * @param params single-valued parameters
     * @param multi all values of each parameter (for {@code attribute[code][]})
     * @param photo the {@code media} part, or {@code null}
     */
    @Transactional
    Submitted submit(PartnershipId partnership, Map<String, String> params, Map<String, List<String>> multi,
            byte[] photo) {
        var code = RequestFilters.param(params, "service_code");
        if (code == null) {
            throw new Open311Exception(400, "service_code was not provided");
        }
        var category = categories.offeredBy(partnership, code)
                .orElseThrow(() -> new Open311Exception(404, categories.retired(partnership, code)
                        ? "service_code '" + code + "' has been retired and takes no new requests"
                        : "service_code '" + code + "' not found"));
        var latitude = RequestFilters.decimal(params, "lat");
        var longitude = RequestFilters.decimal(params, "long");
        if ((latitude == null) != (longitude == null)) {
            throw new Open311Exception(400, "lat and long must be given together");
        }
        var address = RequestFilters.param(params, "address_string");
        if (latitude == null && address == null) {
            throw new Open311Exception(400, "lat and long or address_string is required");
        }
        var first = RequestFilters.param(params, "first_name");
        var last = RequestFilters.param(params, "last_name");
        var name = first == null ? last : last == null ? first : first + " " + last;
        var contact = new Contact(name, RequestFilters.param(params, "email"), RequestFilters.param(params, "phone"));
        var receipt = reports.submit(new NewReport(partnership, category.id(), params.get("description"), latitude,
                longitude, address, null, attributes(multi), contact, ReportSource.OPEN311), photo);
        return new Submitted(receipt, category);
    }

    /** {@code attribute[code]=value} and, for multivaluelists, {@code attribute[code][]=value} repeated. */
    static Map<String, String> attributes(Map<String, List<String>> multi) {
        var answers = new LinkedHashMap<String, String>();
        for (var entry : multi.entrySet()) {
            var key = entry.getKey();
            if (!key.startsWith("attribute[") || !key.contains("]")) {
                continue;
            }
            var code = key.substring("attribute[".length(), key.indexOf(']'));
            var values = entry.getValue().stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (code.isEmpty() || values.isEmpty()) {
                continue;
            }
            var joined = String.join(",", values);
            answers.merge(code, joined, (a, b) -> a + "," + b);
        }
        return answers;
    }
}
