package de.sipa.places;

import java.io.IOException;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Reports;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/** The places' map and list, a place's overview, drawing and describing a place, its status and its photos. */
@Controller
class PlaceController {

    /** Reports an outline may be drawn around at most. */
    static final int MAX_REPORTS = 200;
    private static final List<String> SORTS = List.of("name", "district", "deficit", "status", "owner");

    private final Places places;
    private final PlacePhotos photos;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final Reports reports;
    private final PlaceAccess access;
    private final MessageSource messages;

    PlaceController(Places places, PlacePhotos photos, Partnerships partnerships, Organisations organisations,
            Reports reports, PlaceAccess access, MessageSource messages) {
        this.access = access;
        this.places = places;
        this.photos = photos;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.reports = reports;
        this.messages = messages;
    }

    /** One line of the list, with the names it shows. */
    record PlaceRow(Place place, String district, String owner) {
    }

    @ModelAttribute("mayEditPlaces")
    boolean mayEditPlaces() {
        return access.mayEdit();
    }

    /** The map of all places and the list, searched by {@code q} and sorted by one of {@link #SORTS}. */
    @GetMapping("/orte")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "false") boolean desc, Model model) {
        var all = places.places();
        var rows = rows(all);
        String needle = q.strip().toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            rows = rows.stream().filter(r -> (r.place().name() + " " + r.district() + " " + r.owner() + " "
                    + r.place().description()).toLowerCase(Locale.ROOT).contains(needle)).toList();
        }
        String by = SORTS.contains(sort) ? sort : "name";
        var collator = Collator.getInstance(Locale.GERMAN);
        Comparator<PlaceRow> byName = Comparator.comparing(r -> r.place().name(), collator);
        Comparator<PlaceRow> order = switch (by) {
            case "district" -> Comparator.comparing(PlaceRow::district, collator);
            case "deficit" -> Comparator.comparing(r -> r.place().deficit());
            case "status" -> Comparator.comparing(r -> r.place().status());
            case "owner" -> Comparator.comparing(PlaceRow::owner, collator);
            default -> byName;
        };
        order = desc ? order.reversed() : order;
        model.addAttribute("rows", rows.stream().sorted(order.thenComparing(byName)).toList());
        model.addAttribute("total", all.size());
        model.addAttribute("q", q);
        model.addAttribute("sort", by);
        model.addAttribute("desc", desc);
        model.addAttribute("statuses", PlaceStatus.values());
        return "places/list";
    }

    /**
     * With {@code bbox=west,south,east,north} the areas of the places in a map's viewport; without, every place as
     * drawn, for download and import elsewhere ({@code /orte.geojson?all}).
     */
    @GetMapping(path = "/orte.geojson", produces = "application/geo+json")
    ResponseEntity<String> geojson(@RequestParam(required = false) List<Double> bbox) {
        if (bbox == null) {
            var districts = districtNames();
            var owners = organisationNames();
            var body = PlaceGeoJson.export(places.places(), p -> owner(p, owners),
                    p -> p.district() == null ? null : districts.get(p.district()));
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orte.geojson\"").body(body);
        }
        if (bbox.size() != 4 || bbox.stream().anyMatch(v -> v == null || v.isNaN())) {
            throw new RuleViolationException("place.bbox.invalid");
        }
        var box = bbox.stream().mapToDouble(Double::doubleValue).toArray();
        var locale = LocaleContextHolder.getLocale();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(PlaceGeoJson.map(places.within(box),
                s -> messages.getMessage("place.status." + s.name(), null, locale)));
    }

    @GetMapping("/orte/neu")
    @PreAuthorize(PlacePermissions.EDIT)
    String newPlace(@RequestParam(required = false) String geometry, @RequestParam(required = false) String radius,
            @RequestParam(required = false) PlaceOrigin origin, @RequestParam(required = false) String name,
            @RequestParam(required = false) String fromReports, Model model) {
        var form = PlaceForm.empty();
        if (fromReports != null && !fromReports.isBlank()) {
            var positions = new ArrayList<double[]>();
            var unknown = new ArrayList<String>();
            for (var number : Arrays.stream(fromReports.split("[,;\\s]+")).filter(s -> !s.isBlank())
                    .limit(MAX_REPORTS).toList()) {
                var id = reports.lookUp(number);
                var report = id.map(reports::get).filter(r -> r.latitude() != null && r.longitude() != null);
                if (report.isPresent()) {
                    positions.add(new double[] {report.get().latitude(), report.get().longitude()});
                } else {
                    unknown.add(number);
                }
            }
            if (!unknown.isEmpty()) {
                model.addAttribute("problem", messages.getMessage("place.fromReports.unknown",
                        new Object[] {String.join(", ", unknown)}, LocaleContextHolder.getLocale()));
            }
            if (!positions.isEmpty()) {
                form = new PlaceForm("", null, null, "", null, "", PlaceOrigin.REPORTS,
                        PlaceOutlines.around(positions, PlaceOutlines.MARGIN_METRES), "");
            }
            model.addAttribute("fromReports", fromReports);
        } else if (geometry != null && !geometry.isBlank()) {
            form = new PlaceForm(name == null ? "" : name, null, null, "", null, "",
                    origin == null ? PlaceOrigin.MANUAL : origin, geometry, radius == null ? "" : radius);
        }
        return form(model, null, form);
    }

    @PostMapping("/orte/neu")
    @PreAuthorize(PlacePermissions.EDIT)
    String create(@ModelAttribute("place") PlaceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form == null || !checked(form, result)) {
            return form(model, null, form);
        }
        try {
            var id = places.create(draft(form));
            redirect.addFlashAttribute("success", "place.saved");
            return "redirect:/orte/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, null, form);
        }
    }

    @GetMapping("/orte/{id}")
    String overview(@PathVariable UUID id, Model model) {
        var place = places.place(new PlaceId(id));
        model.addAttribute("place", place);
        model.addAttribute("outline", PlaceGeoJson.outline(place));
        model.addAttribute("districtName", place.district() == null ? null
                : districtNames().get(place.district()));
        model.addAttribute("ownerLabel", owner(place, organisationNames()));
        model.addAttribute("squareMetres", Math.round(place.shape().area().squareMetres()));
        model.addAttribute("photos", photos.photos(place.id()));
        model.addAttribute("statuses", PlaceStatus.values());
        model.addAttribute("maxPhotoMegabytes", PlacePhotos.MAX_BYTES / (1024 * 1024));
        return "places/overview";
    }

    @GetMapping("/orte/{id}/bearbeiten")
    @PreAuthorize(PlacePermissions.EDIT)
    String edit(@PathVariable UUID id, Model model) {
        var place = places.place(new PlaceId(id));
        return form(model, place, PlaceForm.of(place));
    }

    @PostMapping("/orte/{id}/bearbeiten")
    @PreAuthorize(PlacePermissions.EDIT)
    String change(@PathVariable UUID id, @ModelAttribute("place") PlaceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var place = places.place(new PlaceId(id));
        if (form == null || !checked(form, result)) {
            return form(model, place, form);
        }
        try {
            places.change(place.id(), draft(form));
            redirect.addFlashAttribute("success", "place.saved");
            return "redirect:/orte/" + id;
        } catch (RuleViolationException e) {
            reject(result, e);
            return form(model, place, form);
        }
    }

    @PostMapping("/orte/{id}/status")
    @PreAuthorize(PlacePermissions.EDIT)
    String status(@PathVariable UUID id, @RequestParam PlaceStatus status, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "place.statusChanged",
                () -> places.changeStatus(new PlaceId(id), status), "/orte/" + id);
    }

    @PostMapping("/orte/{id}/fotos")
    @PreAuthorize(PlacePermissions.EDIT)
    String upload(@PathVariable UUID id, @RequestParam("photo") MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] content = photo.getBytes();
        return FlashSteps.runAndShow(redirect, messages, "place.photo.added",
                () -> photos.attach(new PlaceId(id), content), "/orte/" + id);
    }

    @GetMapping("/orte/{id}/fotos/{photo}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photo) {
        var found = photos.photo(new PlaceId(id), photo).orElseThrow(() -> new NotFoundException("Photo", photo));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(found.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(found.data());
    }

    @PostMapping("/orte/{id}/fotos/{photo}/delete")
    String deletePhoto(@PathVariable UUID id, @PathVariable UUID photo, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "place.photo.deleted",
                () -> photos.delete(new PlaceId(id), photo), "/orte/" + id);
    }

    private String form(Model model, Place place, PlaceForm form) {
        if (form == null) {
            // a value that cannot be converted at all (an unknown origin) leaves the record unbuilt: start from empty
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "place");
        }
        model.addAttribute("place", form == null ? PlaceForm.empty() : form);
        model.addAttribute("existing", place);
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("deficits", Deficit.values());
        model.addAttribute("minRadius", PlaceShape.MIN_RADIUS);
        model.addAttribute("maxRadius", PlaceShape.MAX_RADIUS);
        return "places/form";
    }

    /**
     * The checks that need no database, each error next to its field, all at once: name, deficit, radius and the
     * outline (through {@link PlaceShape}). The rest (a name already taken) comes from {@link Places}.
     */
    private static boolean checked(PlaceForm form, BindingResult result) {
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 200) {
            result.rejectValue("name", "place.name.invalid");
        }
        if (form.deficit() == null && !result.hasFieldErrors("deficit")) {
            result.rejectValue("deficit", "place.deficit.required");
        }
        if (form.ownerName() != null && form.ownerName().strip().length() > 200) {
            result.rejectValue("ownerName", "place.owner.tooLong");
        }
        try {
            PlaceShape.of(form.geometry(), radius(form));
        } catch (RuleViolationException e) {
            reject(result, e);
        }
        return !result.hasErrors();
    }

    /** The radius as typed; text that is no whole number is refused as a radius out of range. */
    private static Integer radius(PlaceForm form) {
        if (form.radiusMetres() == null || form.radiusMetres().isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(form.radiusMetres().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static PlaceDraft draft(PlaceForm form) {
        return new PlaceDraft(form.name(), form.districtId() == null ? null : new DistrictId(form.districtId()),
                form.deficit(), form.description(),
                form.ownerOrganisationId() == null ? null : new OrganisationId(form.ownerOrganisationId()),
                form.ownerName(), form.origin(), form.geometry(), radius(form));
    }

    /** A refusal next to the field it concerns, else above the form. */
    private static void reject(BindingResult result, RuleViolationException e) {
        String key = e.messageKey();
        String field = key.startsWith("place.name.") ? "name"
                : key.startsWith("place.deficit.") ? "deficit"
                : key.startsWith("place.owner.") ? "ownerName"
                : key.startsWith("place.radius.") ? "radiusMetres"
                : key.startsWith("place.geometry.") ? "geometry" : null;
        if (field == null) {
            result.reject(key, e.arguments(), null);
        } else {
            result.rejectValue(field, key, e.arguments(), null);
        }
    }

    private List<PlaceRow> rows(List<Place> all) {
        var districts = districtNames();
        var owners = organisationNames();
        return all.stream().map(p -> new PlaceRow(p, p.district() == null ? "" : districts.getOrDefault(p.district(), ""),
                owner(p, owners))).toList();
    }

    private Map<DistrictId, String> districtNames() {
        var names = new java.util.HashMap<DistrictId, String>();
        for (District d : partnerships.districts()) {
            names.put(d.id(), d.name());
        }
        return names;
    }

    private Map<OrganisationId, String> organisationNames() {
        var names = new java.util.HashMap<OrganisationId, String>();
        for (Organisation o : organisations.all()) {
            names.put(o.id(), o.name());
        }
        return names;
    }

    private static String owner(Place place, Map<OrganisationId, String> organisations) {
        if (place.ownerOrganisation() != null && organisations.containsKey(place.ownerOrganisation())) {
            return organisations.get(place.ownerOrganisation());
        }
        return place.ownerName() == null ? "" : place.ownerName();
    }
}
