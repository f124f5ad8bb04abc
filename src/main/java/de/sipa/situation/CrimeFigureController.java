package de.sipa.situation;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.shared.TrendChart;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.RuleViolationException;

/**
 * The crime figures (PKS) of the situation picture: per district and year with Häufigkeitszahl and
 * Aufklärungsquote, their trend as a table and a chart (the steering group sees the whole city only); the import
 * with its mapping and preview; the populations and the offence groups.
 */
@Controller
@RequestMapping("/lagebild/kriminalitaet")
class CrimeFigureController {

    private final CrimeFigures crimeFigures;
    private final CrimeFigureImport crimeFigureImport;
    private final PublishedCrimeFigures published;
    private final CrimeFigureAccess access;
    private final Partnerships partnerships;
    private final MessageSource messages;
    private final Clock clock;

    CrimeFigureController(CrimeFigures crimeFigures, CrimeFigureImport crimeFigureImport,
            PublishedCrimeFigures published, CrimeFigureAccess access, Partnerships partnerships,
            MessageSource messages, Clock clock) {
        this.crimeFigures = crimeFigures;
        this.crimeFigureImport = crimeFigureImport;
        this.published = published;
        this.access = access;
        this.partnerships = partnerships;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) UUID group, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) CrimeMeasure measure, Model model) {
        var groups = crimeFigures.groups();
        var chosen = crimeFigures.group(group).orElseThrow();
        var shown = measure == null ? CrimeMeasure.FREQUENCY : measure;
        var city = crimeFigures.cityTrend(chosen);
        boolean perDistrict = access.mayReadDistricts();
        List<DistrictTrend> districts = perDistrict ? crimeFigures.districtTrends(chosen) : List.of();
        var years = city.stream().map(YearFigures::year).toList();
        int selected = year != null && years.contains(year) ? year : years.isEmpty() ? 0 : years.get(years.size() - 1);
        model.addAttribute("groups", groups);
        model.addAttribute("group", chosen);
        model.addAttribute("measures", CrimeMeasure.values());
        model.addAttribute("measure", shown);
        model.addAttribute("measureLabel", messages.getMessage("crimeFigures.measure." + shown, null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("years", years);
        model.addAttribute("year", selected);
        model.addAttribute("perDistrict", perDistrict);
        model.addAttribute("mayManage", access.mayManage());
        model.addAttribute("districts", districts);
        model.addAttribute("city", city);
        if (!years.isEmpty()) {
            model.addAttribute("cityNow", find(city, selected));
            model.addAttribute("cityBefore", years.indexOf(selected) > 0 ? find(city, selected - 1) : null);
            var series = new ArrayList<TrendChart.Series>();
            districts.forEach(d -> series.add(new TrendChart.Series(d.name(),
                    d.years().stream().map(y -> shown.of(y.figures())).toList(), false)));
            series.add(new TrendChart.Series(messages.getMessage("crimeFigures.city", null,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()),
                    city.stream().map(y -> shown.of(y.figures())).toList(), true));
            model.addAttribute("chart", TrendChart.of(years, series));
        }
        return "situation/crime-figures";
    }

    private static Figures find(List<YearFigures> years, int year) {
        return years.stream().filter(y -> y.year() == year).map(YearFigures::figures).findFirst()
                .orElse(Figures.none(null));
    }

    // --- populations ---

    @GetMapping("/einwohner")
    String populations(@RequestParam(required = false) Integer year, Model model) {
        if (!access.mayReadDistricts()) {
            throw new AccessDeniedException("populations");
        }
        var populations = crimeFigures.populations();
        var years = new TreeSet<Integer>();
        populations.values().forEach(p -> years.addAll(p.keySet()));
        crimeFigures.cityTrend(crimeFigures.groups().get(0)).forEach(y -> years.add(y.year()));
        int current = java.time.Year.now(clock).getValue();
        int chosen = year != null ? year : years.isEmpty() ? current - 1 : years.last();
        model.addAttribute("districts", partnerships.districts());
        model.addAttribute("populations", populations);
        model.addAttribute("years", years);
        model.addAttribute("year", chosen);
        model.addAttribute("mayManage", access.mayManage());
        return "situation/populations";
    }

    @PostMapping("/einwohner")
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    String enterPopulations(@RequestParam int year, @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        var values = new LinkedHashMap<DistrictId, Integer>();
        for (var district : partnerships.districts()) {
            var text = params.getFirst("population." + district.id().value());
            if (text == null) {
                continue;
            }
            var clean = text.replace(".", "").replace(" ", "").strip();
            if (clean.isEmpty()) {
                values.put(district.id(), null);
            } else if (clean.matches("\\d{1,9}")) {
                values.put(district.id(), Integer.parseInt(clean));
            } else {
                throw new RuleViolationException("crimeFigures.population.invalid", district.name());
            }
        }
        crimeFigures.enterPopulations(year, values);
        redirect.addFlashAttribute("success", "crimeFigures.population.saved");
        return "redirect:/lagebild/kriminalitaet/einwohner?year=" + year;
    }

    // --- offence groups ---

    @GetMapping("/gruppen")
    String groups(Model model) {
        if (!access.mayReadDistricts()) {
            throw new AccessDeniedException("groups");
        }
        model.addAttribute("groups", crimeFigures.groups());
        model.addAttribute("mayManage", access.mayManage());
        return "situation/offence-groups";
    }

    @PostMapping("/gruppen")
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    String addGroup(@RequestParam String name, @RequestParam String prefixes, RedirectAttributes redirect) {
        crimeFigures.saveGroup(null, name, prefixes);
        redirect.addFlashAttribute("success", "crimeFigures.group.saved");
        return "redirect:/lagebild/kriminalitaet/gruppen";
    }

    @PostMapping("/gruppen/{id}")
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    String changeGroup(@PathVariable UUID id, @RequestParam String name, @RequestParam String prefixes,
            RedirectAttributes redirect) {
        crimeFigures.saveGroup(id, name, prefixes);
        redirect.addFlashAttribute("success", "crimeFigures.group.saved");
        return "redirect:/lagebild/kriminalitaet/gruppen";
    }

    @PostMapping("/gruppen/{id}/delete")
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    String deleteGroup(@PathVariable UUID id, RedirectAttributes redirect) {
        crimeFigures.deleteGroup(id);
        redirect.addFlashAttribute("success", "crimeFigures.group.deleted");
        return "redirect:/lagebild/kriminalitaet/gruppen";
    }

    // --- publication: which years and groups the public page shows ---

    @GetMapping("/veroeffentlichung")
    String publication(Model model) {
        var chosen = published.chosen();
        model.addAttribute("groups", crimeFigures.groups());
        model.addAttribute("years", published.years());
        model.addAttribute("chosen", chosen.stream().map(p -> p.year() + ":" + p.group()).toList());
        model.addAttribute("slug", partnerships.mine().slug());
        return "situation/crime-publication";
    }

    @PostMapping("/veroeffentlichung")
    String publish(@RequestParam(name = "publish", required = false) List<String> chosen,
            RedirectAttributes redirect) {
        var wanted = new java.util.HashSet<CrimePublication>();
        for (var value : chosen == null ? List.<String>of() : chosen) {
            var parts = value.split(":", 2);
            try {
                wanted.add(new CrimePublication(Integer.parseInt(parts[0]), UUID.fromString(parts[1])));
            } catch (RuntimeException e) {
                throw new RuleViolationException("crimeFigures.publication.unknown");
            }
        }
        published.publish(wanted);
        redirect.addFlashAttribute("success", "crimeFigures.publication.saved");
        return "redirect:/lagebild/kriminalitaet/veroeffentlichung";
    }

    // --- import: upload, mapping and preview, confirmation ---

    @GetMapping("/import")
    String importForm(Model model) {
        if (!access.mayReadDistricts()) {
            throw new AccessDeniedException("import");
        }
        model.addAttribute("sampleHeader", CrimeFigureImport.sampleHeader());
        model.addAttribute("maxKilobytes", CrimeFigureImport.MAX_BYTES / 1024);
        model.addAttribute("columns", PksColumn.values());
        model.addAttribute("districts", partnerships.districts());
        return "situation/crime-figures-import";
    }

    @PostMapping("/import/preview")
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        var content = file.getBytes();
        return showPreview(content, crimeFigureImport.preview(content, PksMapping.guess()), file.getOriginalFilename(),
                model);
    }

    @PostMapping("/import/check")
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    String check(@RequestParam String content, @RequestParam(defaultValue = "") String fileName,
            @RequestParam MultiValueMap<String, String> params, Model model) {
        var file = de.sipa.shared.ImportColumns.decode(content);
        return showPreview(file, crimeFigureImport.preview(file, mapping(params)), fileName, model);
    }

    @PostMapping("/import/confirm")
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    String confirm(@RequestParam String content, @RequestParam(defaultValue = "") String fileName,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var file = de.sipa.shared.ImportColumns.decode(content);
        var mapping = mapping(params);
        List<Integer> years;
        try {
            years = crimeFigureImport.confirm(file, mapping);
        } catch (RuleViolationException e) {
            model.addAttribute("problem", e.describe(messages));
            return showPreview(file, crimeFigureImport.preview(file, mapping), fileName, model);
        }
        redirect.addFlashAttribute("success", "crimeFigures.import.done");
        redirect.addFlashAttribute("imported", years.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse(""));
        return "redirect:/lagebild/kriminalitaet?year=" + years.get(years.size() - 1);
    }

    private String showPreview(byte[] content, PksPreview preview, String fileName, Model model) {
        importForm(model);
        model.addAttribute("preview", preview);
        model.addAttribute("upload", de.sipa.shared.ImportColumns.encode(content));
        model.addAttribute("fileName", fileName);
        return "situation/crime-figures-import";
    }

    /** The mapping as the preview's form posts it: {@code column.KEY=schlüssel}, {@code districtValue}/{@code districtTarget} pairs. */
    private static PksMapping mapping(MultiValueMap<String, String> params) {
        var columns = ImportColumns.fromForm(PksColumn.class, params);
        var values = params.getOrDefault("districtValue", List.of());
        var targets = params.getOrDefault("districtTarget", List.of());
        var districts = new HashMap<String, DistrictId>();
        for (int i = 0; i < values.size() && i < targets.size(); i++) {
            DistrictId target = null;
            try {
                target = targets.get(i).isBlank() ? null : new DistrictId(UUID.fromString(targets.get(i)));
            } catch (IllegalArgumentException e) {
                target = null;
            }
            districts.put(values.get(i), target);
        }
        return new PksMapping(columns, districts);
    }
}
