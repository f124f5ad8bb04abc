package de.sipa.partners;

import static de.sipa.PdfFiles.firstPageHasImage;
import static de.sipa.PdfFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.SipaIntegrationTest;

/** The coordinator gives the partnership a logo; it heads the meeting papers and the matrix. */
@SipaIntegrationTest
class LetterheadTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    City city;
    RequestPostProcessor coordinator;

    @BeforeEach
    void city() {
        city = fixtures.city();
        coordinator = user(fixtures.user(city.coordinator()));
    }

    @Test
    void anUploadedLogoIsScaledDownAndShownOnThePartnershipPage() throws Exception {
        assertThat(page()).contains("Stadt " + city.key(), "Noch kein Logo", "höchstens 1 MB)").doesNotContain("id=\"partnership-logo\"");

        upload("wappen.png", image(2400, 600, "png")).andExpect(flash().attribute("success", "partnership.logo.saved"));

        assertThat(page()).contains("id=\"partnership-logo\"", "src=\"/partnership/logo\"");
        var logo = mvc.perform(get("/partnership/logo").with(user(fixtures.user(city.policeUser()))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(logo.getContentType()).isEqualTo("image/png");
        var stored = ImageIO.read(new ByteArrayInputStream(logo.getContentAsByteArray()));
        assertThat(stored.getWidth()).as("scaled into 900 × 300 keeping its proportions").isEqualTo(900);
        assertThat(stored.getHeight()).isEqualTo(225);
    }

    @Test
    void logosThatAreNoPngOrJpegOrTooLargeAreRefusedAndPartnersMayNotUpload() throws Exception {
        upload("logo.png", "GIF89a not a png".getBytes(StandardCharsets.US_ASCII))
                .andExpect(flash().attribute("problem", "Das Logo muss ein PNG- oder JPEG-Bild sein."));
        var tooLarge = new byte[Partnerships.LOGO_MAX_BYTES + 1];
        System.arraycopy(image(10, 10, "png"), 0, tooLarge, 0, 8);
        upload("logo.png", tooLarge)
                .andExpect(flash().attribute("problem", "Das Logo darf höchstens 1 MB groß sein."));
        mvc.perform(multipart("/partnership/logo").file(file("logo.png", image(100, 40, "png")))
                .with(user(fixtures.user(city.policeUser()))).with(csrf())).andExpect(status().isForbidden());

        assertThat(page()).contains("Noch kein Logo");
        mvc.perform(get("/partnership/logo").with(coordinator)).andExpect(status().isNotFound());
    }

    @Test
    void theLogoHeadsTheInvitationAndTheMatrixUntilItIsRemoved() throws Exception {
        var meeting = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Sitzung mit Briefkopf")
                        .param("startsAt", "2027-09-01T10:00").param("endsAt", "2027-09-01T12:00"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(firstPageHasImage(pdf(meeting + "/invitation.pdf"))).as("names only without a logo").isFalse();
        assertThat(firstPageHasImage(pdf("/matrix/export.pdf"))).isFalse();

        upload("wappen.jpg", image(300, 120, "jpg")).andExpect(flash().attribute("success", "partnership.logo.saved"));

        var invitation = pdf(meeting + "/invitation.pdf");
        assertThat(firstPageHasImage(invitation)).isTrue();
        assertThat(text(invitation)).contains("Stadt " + city.key(), "Sicherheitspartnerschaft und Kommunale",
                "Einladung: Sitzung mit Briefkopf");
        var matrix = pdf("/matrix/export.pdf");
        assertThat(firstPageHasImage(matrix)).isTrue();
        assertThat(text(matrix)).contains("Stadt " + city.key(), "Sicherheitspartnerschaft und Kommunale",
                "Zuständigkeitsmatrix");

        mvc.perform(post("/partnership/logo/delete").with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "partnership.logo.removed"));
        assertThat(firstPageHasImage(pdf(meeting + "/invitation.pdf"))).isFalse();
    }

    private ResultActions upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/partnership/logo").file(file(name, content)).with(coordinator).with(csrf()));
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "image/png", content);
    }

    private String page() throws Exception {
        return mvc.perform(get("/partnership").with(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private byte[] pdf(String path) throws Exception {
        return mvc.perform(get(path).with(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, new Color(x * 255 / width, 80, y * 255 / height).getRGB());
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
