package de.sipa.surveys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/**
 * The codes printed on the letters of a wave with invitation codes: one response per code. A code is eight characters
 * from an alphabet without look-alikes (no 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V), drawn with {@link SecureRandom}, so
 * codes cannot be guessed from each other (21^8, about 3.8·10^10 codes). Unique per wave.
 */
@Service
@Transactional
public class InvitationCodes {

    public static final String ALPHABET = "ACEFGHJKMNPRTWXY34679";
    public static final int LENGTH = 8;
    /** Codes generated at once at most. */
    public static final int MAX_AT_ONCE = 10_000;
    /** Codes a wave has at most. */
    public static final int MAX_PER_WAVE = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final InvitationCodeRepository codes;
    private final SurveyWaveRepository waves;
    private final AuditTrail auditTrail;
    private final Clock clock;

    InvitationCodes(InvitationCodeRepository codes, SurveyWaveRepository waves, AuditTrail auditTrail, Clock clock) {
        this.codes = codes;
        this.waves = waves;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** How many codes a wave has, and how many of them were used. */
    public record Counts(int total, int used) {

        public int unused() {
            return total - used;
        }
    }

    /** A code as printed and whether it was used. */
    public record Code(String code, boolean used) {
    }

    /**
     * A code as a respondent typed it: upper case, without blanks and hyphens (a letter prints it in two groups of
     * four, {@code ACEF-3469}).
     */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The code in two groups of four, as printed on a letter. */
    public static String printed(String code) {
        return code.length() == LENGTH ? code.substring(0, 4) + "-" + code.substring(4) : code;
    }

    /** Draws {@code count} new codes for a wave with invitation codes that has not ended. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public int generate(SurveyWaveId id, int count) {
        var wave = wave(id);
        if (wave.mode() != WaveMode.INVITATION_CODES) {
            throw new RuleViolationException("survey.codes.notInvitation");
        }
        if (wave.closed() || LocalDate.now(clock).isAfter(wave.closesOn())) {
            throw new RuleViolationException("survey.codes.waveOver");
        }
        if (count < 1 || count > MAX_AT_ONCE) {
            throw new RuleViolationException("survey.codes.count", MAX_AT_ONCE);
        }
        if (codes.counts(id).total() + count > MAX_PER_WAVE) {
            throw new RuleViolationException("survey.codes.tooMany", MAX_PER_WAVE);
        }
        int added = fill(id, count);
        auditTrail.record(AuditAction.CREATED, "SurveyWave", id,
                auditTrail.summary("audit.wave.codes", count, wave.title()));
        return added;
    }

    @PreAuthorize(SurveyPermissions.READ)
    @Transactional(readOnly = true)
    public Counts counts(SurveyWaveId id) {
        return codes.counts(wave(id).id());
    }

    /** All codes of a wave for the letter shop, in the order drawn; the export is recorded. */
    @PreAuthorize(SurveyPermissions.MANAGE)
    public List<Code> export(SurveyWaveId id) {
        var wave = wave(id);
        var all = codes.all(id);
        auditTrail.record(AuditAction.EXPORTED, "SurveyWave", id,
                auditTrail.summary("audit.wave.codesExported", all.size(), wave.title()));
        return all;
    }

    /** Draws until the wave has {@code count} new codes; a code drawn twice (or already there) is drawn again. */
    int fill(SurveyWaveId id, int count) {
        int added = 0;
        while (added < count) {
            var drawn = new HashSet<String>();
            while (drawn.size() < count - added) {
                drawn.add(draw());
            }
            added += codes.insertNew(id, drawn);
        }
        return added;
    }

    String draw() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private SurveyWave wave(SurveyWaveId id) {
        return waves.find(CurrentUser.partnership(), id).orElseThrow(() -> new NotFoundException("SurveyWave", id));
    }
}
