package de.sipa.places;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.RuleViolationException;

/**
 * Site audits at {@code /orte/{id}/begehungen}: the visits compared side by side, starting one, and walking its
 * checklist one criterion per page (made for a phone at the place), each saved on its own.
 */
@Controller
class SiteAuditController {

    private final Places places;
    private final SiteAudits audits;
    private final PlacePhotos photos;
    private final PlaceAccess access;
    private final MessageSource messages;
    private final Clock clock;

    SiteAuditController(Places places, SiteAudits audits, PlacePhotos photos, PlaceAccess access,
            MessageSource messages, Clock clock) {
        this.places = places;
        this.audits = audits;
        this.photos = photos;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    /** One line of the comparison: a criterion's rating on each visit and the change from the first to the last. */
    record ComparisonRow(AuditCriterion criterion, List<AuditRating> ratings, int change) {
    }

    @ModelAttribute("mayEditPlaces")
    boolean mayEditPlaces() {
        return access.mayEdit();
    }

    @GetMapping("/orte/{id}/begehungen")
    String audits(@PathVariable UUID id, Model model) {
        var place = places.place(new PlaceId(id));
        var all = audits.audits(place.id());
        model.addAttribute("place", place);
        model.addAttribute("audits", all);
        model.addAttribute("comparison", comparison(all));
        model.addAttribute("today", LocalDate.now(clock));
        return "places/audits";
    }

    /** Each criterion with its rating per audit; the change compares the first and the last assessed rating. */
    static List<ComparisonRow> comparison(List<SiteAudit> audits) {
        var rows = new ArrayList<ComparisonRow>();
        for (var criterion : AuditCriterion.values()) {
            var ratings = audits.stream().map(a -> a.rating(criterion)).toList();
            var assessed = ratings.stream().filter(r -> r != null && r.assessed()).toList();
            int change = assessed.size() < 2 ? 0 : assessed.get(assessed.size() - 1).changeSince(assessed.get(0));
            rows.add(new ComparisonRow(criterion, ratings, change));
        }
        return rows;
    }

    @PostMapping("/orte/{id}/begehungen")
    String start(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate walkedOn,
            @RequestParam(defaultValue = "") String participants, RedirectAttributes redirect) {
        try {
            var audit = audits.start(new PlaceId(id), walkedOn, participants);
            return "redirect:/orte/" + id + "/begehungen/" + audit + "/1";
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/orte/" + id + "/begehungen";
        }
    }

    /** An audit's result: every criterion with rating, note and photos. */
    @GetMapping("/orte/{id}/begehungen/{audit}")
    String audit(@PathVariable UUID id, @PathVariable UUID audit, Model model) {
        var place = places.place(new PlaceId(id));
        var found = audits.audit(place.id(), new SiteAuditId(audit));
        model.addAttribute("place", place);
        model.addAttribute("audit", found);
        model.addAttribute("criteria", AuditCriterion.values());
        model.addAttribute("photos", photosByCriterion(place.id(), found.id()));
        return "places/audit";
    }

    /** One criterion of the checklist, the {@code step}-th (from 1). */
    @GetMapping("/orte/{id}/begehungen/{audit}/{step}")
    String step(@PathVariable UUID id, @PathVariable UUID audit, @PathVariable int step, Model model) {
        var place = places.place(new PlaceId(id));
        var found = audits.audit(place.id(), new SiteAuditId(audit));
        var criteria = AuditCriterion.values();
        if (step < 1 || step > criteria.length) {
            return "redirect:/orte/" + id + "/begehungen/" + audit;
        }
        var criterion = criteria[step - 1];
        model.addAttribute("place", place);
        model.addAttribute("audit", found);
        model.addAttribute("step", step);
        model.addAttribute("steps", criteria.length);
        model.addAttribute("criteria", criteria);
        model.addAttribute("criterion", criterion);
        model.addAttribute("rated", found.ratings().get(criterion));
        model.addAttribute("ratings", AuditRating.values());
        model.addAttribute("photos", photosByCriterion(place.id(), found.id()).getOrDefault(criterion, List.of()));
        model.addAttribute("maxPhotoMegabytes", PlacePhotos.MAX_BYTES / (1024 * 1024));
        return "places/audit-step";
    }

    /** Saves the criterion (and its photo, if one is chosen) and goes on to the next one. */
    @PostMapping("/orte/{id}/begehungen/{audit}/{step}")
    String rate(@PathVariable UUID id, @PathVariable UUID audit, @PathVariable int step,
            @RequestParam(required = false) AuditRating rating, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) throws IOException {
        var criteria = AuditCriterion.values();
        if (step < 1 || step > criteria.length) {
            return "redirect:/orte/" + id + "/begehungen/" + audit;
        }
        var placeId = new PlaceId(id);
        var auditId = new SiteAuditId(audit);
        var criterion = criteria[step - 1];
        var here = "redirect:/orte/" + id + "/begehungen/" + audit + "/" + step;
        try {
            audits.rate(placeId, auditId, criterion, rating, note);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            redirect.addFlashAttribute("typedNote", note);
            return here;
        }
        redirect.addFlashAttribute("savedDraft", audit + "/" + criterion);
        if (photo != null && !photo.isEmpty()) {
            try {
                photos.attach(placeId, auditId, criterion, photo.getBytes());
            } catch (RuleViolationException e) {
                redirect.addFlashAttribute("problem", e.describe(messages));
                return here; // the rating is saved; the photo can be chosen again
            }
        }
        redirect.addFlashAttribute("success", "siteAudit.saved");
        redirect.addFlashAttribute("imported", messages.getMessage("siteAudit.criterion." + criterion, null,
                LocaleContextHolder.getLocale()));
        return step == criteria.length ? "redirect:/orte/" + id + "/begehungen/" + audit
                : "redirect:/orte/" + id + "/begehungen/" + audit + "/" + (step + 1);
    }

    private Map<AuditCriterion, List<PlacePhotos.PhotoInfo>> photosByCriterion(PlaceId place, SiteAuditId audit) {
        var byCriterion = new EnumMap<AuditCriterion, List<PlacePhotos.PhotoInfo>>(AuditCriterion.class);
        for (var photo : photos.photosOf(place, audit)) {
            if (photo.criterion() != null) {
                byCriterion.computeIfAbsent(AuditCriterion.valueOf(photo.criterion()), k -> new ArrayList<>()).add(photo);
            }
        }
        return byCriterion;
    }
}
