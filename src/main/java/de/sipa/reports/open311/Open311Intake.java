package de.sipa.reports.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
 * answered only after both are stored, and a refusal stores nothing. An invalid optional field (contact data, the
 * photo link) does not refuse the report: it is left out and named in the answer.
 */
@Service
class Open311Intake {

    private final Categories categories;
    private final Reports reports;

    Open311Intake(Categories categories, Reports reports) {
        this.categories = categories;
        this.reports = reports;
    }

    /** @param dropped the parameters left out as invalid, e.g. {@code email} */
    record Submitted(Receipt receipt, Category category, List<String> dropped) {
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
        var addressId = RequestFilters.param(params, "address_id");
        if (latitude == null && address == null && addressId == null) {
            throw new Open311Exception(400, "lat and long, address_string or address_id is required");
        }
        var dropped = new ArrayList<String>();
        var first = valid(RequestFilters.param(params, "first_name"), "first_name", Contact::validName, dropped);
        var last = valid(RequestFilters.param(params, "last_name"), "last_name", Contact::validName, dropped);
        var name = first == null ? last : last == null ? first : first + " " + last;
        if (!Contact.validName(name)) {
            dropped.add("last_name");
            name = first;
        }
        var contact = new Contact(name, valid(RequestFilters.param(params, "email"), "email", Contact::validEmail, dropped),
                valid(RequestFilters.param(params, "phone"), "phone", Contact::validPhone, dropped));
        var mediaUrl = valid(RequestFilters.param(params, "media_url"), "media_url", NewReport::isMediaUrl, dropped);
        var receipt = reports.submit(new NewReport(partnership, category.id(), params.get("description"), latitude,
                longitude, address, null, attributes(multi), contact, ReportSource.OPEN311, addressId, mediaUrl), photo);
        return new Submitted(receipt, category, List.copyOf(dropped));
    }

    /** The value if the check passes; otherwise {@code null}, and the parameter is noted as dropped. */
    private static String valid(String value, String parameter, Predicate<String> check, List<String> dropped) {
        if (value == null || check.test(value)) {
            return value;
        }
        dropped.add(parameter);
        return null;
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
