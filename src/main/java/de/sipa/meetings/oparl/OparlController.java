package de.sipa.meetings.oparl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

import de.sipa.shared.BaseUrl;
import de.sipa.shared.NotFoundException;

/**
 * The OParl 1.1 read API under {@code /oparl/v1.1}, public like a council information system: no login, CORS open
 * to every origin as the spec asks. Lists are paged with {@code links.next} and filtered by the spec's
 * {@code created_since/_until}, {@code modified_since/_until} and {@code elementsPerPage}.
 */
@RestController
@CrossOrigin(origins = "*")
@RequestMapping(path = OparlController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class OparlController {

    static final String PATH = "/oparl/v1.1";

    private final OparlPublication publication;
    private final BaseUrl baseUrl;

    OparlController(OparlPublication publication, BaseUrl baseUrl) {
        this.publication = publication;
        this.baseUrl = baseUrl;
    }

    @GetMapping
    OparlObject system() {
        return publication.system(systemUrl());
    }

    @GetMapping("/bodies")
    Map<String, Object> bodies(@RequestParam MultiValueMap<String, String> parameters) {
        var query = OparlQuery.from(parameters);
        return list(publication.bodies(systemUrl(), query), query, parameters);
    }

    @GetMapping("/bodies/{slug}")
    OparlObject body(@PathVariable String slug) {
        return publication.body(urls(slug));
    }

    /** A list of the body: organizations, people, memberships, meetings, agenda-items, papers, ... */
    @GetMapping("/bodies/{slug}/{kind}")
    Map<String, Object> list(@PathVariable String slug, @PathVariable String kind,
            @RequestParam MultiValueMap<String, String> parameters) {
        var query = OparlQuery.from(parameters);
        return list(publication.list(urls(slug), kind, query), query, parameters);
    }

    @GetMapping("/bodies/{slug}/{kind}/{id}")
    OparlObject object(@PathVariable String slug, @PathVariable String kind, @PathVariable UUID id) {
        return publication.object(urls(slug), kind, id);
    }

    @GetMapping("/bodies/{slug}/organizations/{id}/meetings")
    Map<String, Object> meetingsOf(@PathVariable String slug, @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> parameters) {
        var query = OparlQuery.from(parameters);
        return list(publication.meetings(urls(slug), id, query), query, parameters);
    }

    @GetMapping("/bodies/{slug}/meetings/{id}/location")
    OparlObject location(@PathVariable String slug, @PathVariable UUID id) {
        return publication.location(urls(slug), id);
    }

    @GetMapping("/bodies/{slug}/meetings/{id}/{role:invitation|results-protocol}")
    OparlObject meetingPaper(@PathVariable String slug, @PathVariable UUID id, @PathVariable String role) {
        return publication.meetingPaper(urls(slug), id, role);
    }

    /** A file's {@code accessUrl} ({@code content}, shown inline) and {@code downloadUrl} (saved as attachment). */
    @GetMapping(path = "/bodies/{slug}/meetings/{id}/{role:invitation|results-protocol}/{disposition:content|download}",
            produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> meetingPaperPdf(@PathVariable String slug, @PathVariable UUID id, @PathVariable String role,
            @PathVariable String disposition) {
        var pdf = new java.io.ByteArrayOutputStream();
        var file = publication.meetingPaper(urls(slug), id, role);
        publication.writeMeetingPaper(urls(slug), id, role, pdf);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", disposition(disposition, (String) file.get("fileName")))
                .body(pdf.toByteArray());
    }

    @GetMapping(path = "/bodies/{slug}/files/{id}/{disposition:content|download}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> download(@PathVariable String slug, @PathVariable UUID id, @PathVariable String disposition) {
        var content = publication.content(urls(slug), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().contentType()))
                .header("Content-Disposition", disposition(disposition, content.file().fileName()))
                .body(content.content());
    }

    private static String disposition(String disposition, String fileName) {
        var builder = "download".equals(disposition) ? ContentDisposition.attachment() : ContentDisposition.inline();
        return builder.filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString();
    }

    @ExceptionHandler(OparlException.class)
    ResponseEntity<Map<String, Object>> badRequest(OparlException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badId(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.NOT_FOUND, "Kein Objekt unter dieser URL.");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "Kein Objekt unter dieser URL.");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", status.value(), "message", message));
    }

    /** A list page as the spec shapes it; the links keep the client's filters. */
    private Map<String, Object> list(OparlPage page, OparlQuery query,
            MultiValueMap<String, String> parameters) {
        var pagination = new LinkedHashMap<String, Object>();
        if (page.slice().total() != null) {
            pagination.put("totalElements", page.slice().total());
        }
        pagination.put("elementsPerPage", query.limit());
        var links = new LinkedHashMap<String, Object>();
        links.put("first", link(parameters, null));
        links.put("self", link(parameters, parameters.getFirst("after")));
        if (page.slice().next() != null) {
            links.put("next", link(parameters, page.slice().next().toString()));
        }
        var list = new LinkedHashMap<String, Object>();
        list.put("data", page.data());
        list.put("pagination", pagination);
        list.put("links", links);
        return list;
    }

    /** The filters come decoded from the request and are encoded once here, so links never double-encode. */
    private String link(MultiValueMap<String, String> parameters, String after) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        var link = UriComponentsBuilder.fromUriString(
                baseUrl.link(request.getRequestURI().substring(request.getContextPath().length())));
        for (var filter : OparlQuery.FILTERS) {
            if (parameters.getFirst(filter) != null) {
                link.queryParam(filter, "{" + filter + "}");
            }
        }
        if (after != null) {
            link.queryParam("after", "{after}");
        }
        var values = new java.util.HashMap<String, String>(parameters.toSingleValueMap());
        values.put("after", after);
        return link.encode().buildAndExpand(values).toUriString();
    }

    /** Absolute from {@code sipa.base-url}, never from the request's Host header. */
    private String systemUrl() {
        return baseUrl.link(PATH);
    }

    private OparlUrls urls(String slug) {
        return new OparlUrls(systemUrl(), slug);
    }
}
