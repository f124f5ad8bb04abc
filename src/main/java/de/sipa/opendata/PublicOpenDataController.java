package de.sipa.opendata;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import de.sipa.shared.NotFoundException;

/**
 * The citizens' open data pages (no login): the catalogue of a partnership's datasets, its DCAT-AP.de description
 * and the files. A partnership that does not publish open data has none of them ("not found").
 */
@Controller
@RequestMapping("/buerger/{slug}/offene-daten")
class PublicOpenDataController {

    private final OpenData openData;
    private final DcatCatalogue dcat;

    PublicOpenDataController(OpenData openData, DcatCatalogue dcat) {
        this.openData = openData;
        this.dcat = dcat;
    }

    @GetMapping
    String catalogue(@PathVariable String slug, Model model) {
        var catalogue = openData.catalogue(slug).orElseThrow(() -> new NotFoundException("OpenData", slug));
        model.addAttribute("partnership", catalogue.partnership());
        model.addAttribute("publicSlug", catalogue.partnership().slug());
        model.addAttribute("datasets", catalogue.datasets());
        return "opendata/catalogue";
    }

    @GetMapping("/catalog.jsonld")
    ResponseEntity<String> jsonLd(@PathVariable String slug) {
        var catalogue = openData.catalogue(slug).orElseThrow(() -> new NotFoundException("OpenData", slug));
        return ResponseEntity.ok().contentType(new MediaType("application", "ld+json", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(dcat.jsonLd(catalogue));
    }

    @GetMapping("/{file}.csv")
    ResponseEntity<String> csv(@PathVariable String slug, @PathVariable String file) {
        return file(slug, file, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/{file}.json")
    ResponseEntity<String> json(@PathVariable String slug, @PathVariable String file) {
        return file(slug, file, "json", MediaType.APPLICATION_JSON);
    }

    private ResponseEntity<String> file(String slug, String file, String format, MediaType type) {
        var dataset = Dataset.byFile(file).orElseThrow(() -> new NotFoundException("Dataset", file));
        var content = openData.file(slug, dataset, format).orElseThrow(() -> new NotFoundException("Dataset", file));
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .header("Content-Disposition", "inline; filename=\"" + file + "." + format + "\"").body(content);
    }
}
