package de.sipa.reports.open311;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.IntakeThrottle;
import de.sipa.reports.PublicReport;
import de.sipa.reports.PublicReportQuery;
import de.sipa.reports.ReportPhotos;
import de.sipa.reports.Reports;
import de.sipa.shared.BaseUrl;
import de.sipa.shared.DatabaseFaults;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The Open311 GeoReport v2 API under {@code /open311/v2/}. {@code jurisdiction_id} is a partnership's slug; the
 * format comes from the URL's extension. Error descriptions are English whatever the request's language (the rules
 * of the domain from {@code messages_en}); notices for people ({@code service_notice}) follow the language. The
 * read-only GET methods may be called from web pages of any origin (CORS), posting may not.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Controller.class);
    /** When this version of the API last changed. */
    static final Instant CHANGESET = Instant.parse("2026-11-21T00:00:00Z");
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Partnerships partnerships;
    private final Categories categories;
    private final Reports reports;
    private final ReportPhotos photos;
    private final ApiClients clients;
    private final Open311Intake intake;
    private final IntakeThrottle throttle;
    private final MessageSource messages;
    private final Clock clock;
    private final BaseUrl baseUrl;

    Open311Controller(Partnerships partnerships, Categories categories, Reports reports, ReportPhotos photos,
            ApiClients clients, Open311Intake intake, IntakeThrottle throttle, MessageSource messages, Clock clock,
            BaseUrl baseUrl) {
        this.partnerships = partnerships;
        this.categories = categories;
        this.reports = reports;
        this.photos = photos;
        this.clients = clients;
        this.intake = intake;
        this.throttle = throttle;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @CrossOrigin(origins = "*")
    @GetMapping({"/discovery.json", "/discovery.xml", "/discovery.{format}"})
    ResponseEntity<byte[]> discovery(@PathVariable(required = false) String format, HttpServletRequest request) {
        var type = format(format, request);
        var endpoint = new LinkedHashMap<String, Object>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", baseUrl.link("/open311/v2"));
        endpoint.put("changeset", datetime(CHANGESET));
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        var discovery = new LinkedHashMap<String, Object>();
        discovery.put("changeset", datetime(CHANGESET));
        discovery.put("contact", message("open311.contact"));
        discovery.put("key_service", message("open311.keyService"));
        discovery.put("endpoints", List.of(endpoint));
        return Open311Writer.ok(type, "discovery", discovery);
    }

    @CrossOrigin(origins = "*")
    @GetMapping({"/services.json", "/services.xml", "/services.{format}"})
    ResponseEntity<byte[]> services(@PathVariable(required = false) String format, HttpServletRequest request) {
        var type = format(format, request);
        var partnership = jurisdiction(request);
        var group = partnership.name();
        return Open311Writer.ok(type, "services", categories.offeredBy(partnership.id()).stream()
                .map(c -> Open311Representations.service(c, group)).toList());
    }

    @CrossOrigin(origins = "*")
    @GetMapping("/services/{code}.{format}")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
            HttpServletRequest request) {
        var type = Open311Format.of(format);
        var category = categories.offeredBy(jurisdiction(request).id(), code)
                .orElseThrow(() -> new Open311Exception(404, "service_code '" + code + "' not found"));
        return Open311Writer.ok(type, "service_definition", Open311Representations.definition(category));
    }

    @PostMapping({"/requests.json", "/requests.xml", "/requests.{format}"})
    ResponseEntity<byte[]> submit(@PathVariable(required = false) String format, HttpServletRequest request) {
        var type = format(format, request);
        var contentType = request.getContentType();
        if (contentType != null && !contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                && !contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            throw new Open311Exception(400, "Send the request as application/x-www-form-urlencoded or multipart/form-data");
        }
        var partnership = jurisdiction(request);
        if (clients.authenticate(partnership.id(), request.getParameter("api_key")).isEmpty()) {
            throw new Open311Exception(403, "api_key was not provided or is invalid");
        }
        if (!throttle.allow(IntakeThrottle.Channel.OPEN311, request.getRemoteAddr())) {
            throw new Open311Exception(429, "Too many requests from this address; please try again later");
        }
        byte[] photo = null;
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            var media = multipart.getFile("media");
            if (media != null && !media.isEmpty()) {
                if (media.getSize() > ReportPhotos.MAX_BYTES) {
                    throw new Open311Exception(413, "media is larger than 5 MB");
                }
                photo = read(media);
            }
        }
        var submitted = intake.submit(partnership.id(), single(request), multi(request), photo);
        var receipt = submitted.receipt();
        var notice = submitted.category().moderated() ? message("open311.notice.moderated")
                : message("open311.notice.received", submitted.category().serviceLevelDays());
        if (!submitted.dropped().isEmpty()) {
            notice += " " + message("open311.notice.dropped", String.join(", ", submitted.dropped()));
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("service_request_id", receipt.publicId());
        answer.put("service_notice", notice);
        answer.put("account_id", null);
        return Open311Writer.ok(type, "service_requests", List.of(answer));
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
            HttpServletRequest request) {
        var type = Open311Format.of(format);
        var partnership = jurisdiction(request);
        var report = uuid(token).flatMap(t -> reports.publicViewByToken(partnership.id(), t))
                .orElseThrow(() -> new Open311Exception(404, "token '" + token + "' not found"));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("service_request_id", report.publicId());
        answer.put("token", token);
        return Open311Writer.ok(type, "service_requests", List.of(answer));
    }

    @CrossOrigin(origins = "*")
    @GetMapping({"/requests.json", "/requests.xml", "/requests.{format}"})
    ResponseEntity<byte[]> requests(@PathVariable(required = false) String format, HttpServletRequest request) {
        var type = format(format, request);
        var partnership = jurisdiction(request);
        var offered = categories.offeredBy(partnership.id());
        var query = RequestFilters.parse(single(request), offered.stream().map(Category::code)
                .collect(Collectors.toSet()), clock);
        return Open311Writer.ok(type, "service_requests",
                represent(partnership, offered, reports.publicSearch(partnership.id(), query), request));
    }

    @CrossOrigin(origins = "*")
    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
            HttpServletRequest request) {
        var type = Open311Format.of(format);
        var partnership = jurisdiction(request);
        var found = reports.publicSearch(partnership.id(),
                new PublicReportQuery(List.of(id), null, null, null, null, null, null, null, null, 1, 0));
        if (found.isEmpty()) {
            throw new Open311Exception(404, "service_request_id '" + id + "' not found");
        }
        return Open311Writer.ok(type, "service_requests",
                represent(partnership, categories.offeredBy(partnership.id()), found, request));
    }

    @GetMapping("/media/{id}")
    ResponseEntity<byte[]> media(@PathVariable String id) {
        var photo = uuid(id).flatMap(photos::publicPhoto)
                .orElseThrow(() -> new Open311Exception(404, "media '" + id + "' not found"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff").body(photo.data());
    }

    /** Anything else under the API: the spec's error, not a page; a method the resource does not know is a 400. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var known = path.matches("/open311/v2/(discovery|services|requests)(/[^/]+)?\\.\\w+|/open311/v2/tokens/[^/]+\\.\\w+");
        return known ? Open311Writer.error(Open311Format.ofPath(path), 400, request.getMethod() + " is not supported here")
                : Open311Writer.error(Open311Format.ofPath(path), 404, "No such resource: " + path);
    }

    private List<Map<String, Object>> represent(Partnership partnership, List<Category> offered,
            List<PublicReport> found, HttpServletRequest request) {
        var extensions = "true".equalsIgnoreCase(request.getParameter("extensions"));
        Map<String, Category> byCode = new HashMap<>();
        offered.forEach(c -> byCode.put(c.code(), c));
        var coordination = message("open311.coordination", partnership.name());
        var mediaUrl = baseUrl.link("/open311/v2/media/");
        // one notice per service level rather than formatting the same message for each of up to 1,000 reports
        Map<Integer, String> notices = new HashMap<>();
        return found.stream().map(report -> {
            var category = byCode.get(report.categoryCode());
            var notice = category == null || report.status().closed() ? null
                    : notices.computeIfAbsent(category.serviceLevelDays(),
                            days -> message("open311.notice.service", days));
            return Open311Representations.request(report,
                    report.responsible() == null ? coordination : report.responsible(), notice, clock.getZone(),
                    mediaUrl, extensions);
        }).toList();
    }

    /** The partnership named by {@code jurisdiction_id}, or the only one of the installation. */
    private Partnership jurisdiction(HttpServletRequest request) {
        var slug = request.getParameter("jurisdiction_id");
        if (slug == null || slug.isBlank()) {
            return partnerships.onlyOne()
                    .orElseThrow(() -> new Open311Exception(400, "jurisdiction_id was not provided"));
        }
        return partnerships.bySlug(slug.strip())
                .orElseThrow(() -> new Open311Exception(404, "jurisdiction_id '" + slug + "' not found"));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        return Open311Writer.error(format(request), e.status(), e.getMessage());
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<byte[]> ruleViolation(RuleViolationException e, HttpServletRequest request) {
        var status = "report.photo.tooLarge".equals(e.messageKey()) ? 413 : 400;
        return Open311Writer.error(format(request), status,
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.ENGLISH));
    }

    /**
     * A parameter name or value that the firewall refuses (control characters, unassigned code points), noticed
     * when the parameters are read: the client's input, not a fault of SiPa's.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<byte[]> rejected(HttpServletRequest request) {
        return Open311Writer.error(format(request), 400,
                "A parameter name or value contains characters that are not allowed (e.g. control characters)");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<byte[]> notFound(HttpServletRequest request) {
        return Open311Writer.error(format(request), 404, "Not found");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<byte[]> tooLarge(HttpServletRequest request) {
        return Open311Writer.error(format(request), 413, "The request is too large; media may have at most 5 MB");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<byte[]> badMultipart(HttpServletRequest request) {
        return Open311Writer.error(format(request), 400, "The multipart body could not be read");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) throws Exception {
        if (DatabaseFaults.unreachable(e)) {
            throw e; // web.DatabaseUnavailable answers 503 with Retry-After: the client tries again later
        }
        LOG.error("Open311 request {} failed", request.getRequestURI(), e);
        return Open311Writer.error(format(request), 500, "The request could not be processed");
    }

    private static Open311Format format(HttpServletRequest request) {
        return Open311Format.ofPath(request.getRequestURI());
    }

    /**
     * The format of a resource mapped both by its literal paths ({@code requests.json}, {@code requests.xml}), which
     * Spring MVC finds directly instead of trying each of the application's some 400 URL patterns, and by the
     * pattern {@code requests.{format}} for any other extension, which is answered with the error.
     */
    private static Open311Format format(String extension, HttpServletRequest request) {
        return extension != null ? Open311Format.of(extension) : Open311Format.ofPath(request.getRequestURI());
    }

    private static Map<String, String> single(HttpServletRequest request) {
        var params = new HashMap<String, String>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? null : values[0]));
        return params;
    }

    private static Map<String, List<String>> multi(HttpServletRequest request) {
        var params = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
        return params;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(org.springframework.web.multipart.MultipartFile file) {
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new Open311Exception(400, "media could not be read");
        }
    }

    private String datetime(Instant instant) {
        return Open311Representations.datetime(instant, clock.getZone());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
