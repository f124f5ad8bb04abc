package de.sipa.meetings;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.RuleViolationException;

/** Files for agenda items: PDF, office documents and images up to a size limit, versioned by file name. */
@Service
@Transactional
public class MeetingMaterials {

    /** A file to hand out: what it is and its bytes. */
    public record Download(Material material, byte[] content) {
    }

    private final Meetings meetings;
    private final MeetingRepository meetingRepository;
    private final MaterialRepository materials;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final int maxBytes;

    MeetingMaterials(Meetings meetings, MeetingRepository meetingRepository, MaterialRepository materials,
            AuditTrail auditTrail, Clock clock, @Value("${sipa.meetings.material-max-bytes:5242880}") int maxBytes) {
        this.meetings = meetings;
        this.meetingRepository = meetingRepository;
        this.materials = materials;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** The files of the agenda items the reader may see. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public List<Material> ofMeeting(MeetingId id) {
        var visible = meetings.agenda(id).stream().map(AgendaItem::id).toList();
        return materials.ofMeeting(id).stream().filter(m -> visible.contains(m.agendaItem())).toList();
    }

    @PreAuthorize(MeetingPermissions.PLAN)
    public Material attach(MeetingId id, UUID agendaItem, String fileName, byte[] content) {
        var meeting = meetingRepository.lock(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Meeting", id));
        if (!meeting.status().takesRecords()) {
            throw new RuleViolationException("meeting.closed");
        }
        if (meetingRepository.agenda(id).stream().noneMatch(item -> item.id().equals(agendaItem))) {
            throw new NotFoundException("AgendaItem", agendaItem);
        }
        if (content == null || content.length == 0) {
            throw new RuleViolationException("material.empty");
        }
        if (content.length > maxBytes) {
            throw new RuleViolationException("material.tooLarge", maxBytes / (1024 * 1024));
        }
        var name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new RuleViolationException("material.name");
        }
        var type = MaterialType.of(name, content).orElseThrow(() -> new RuleViolationException("material.type"));
        var material = materials.insert(agendaItem, name, type.contentType(), content, CurrentUser.get().username(),
                clock.instant());
        auditTrail.record(AuditAction.CREATED, "Material", material.id(),
                "Unterlage " + name + " (Fassung " + material.version() + ")");
        return material;
    }

    /** Only files of agenda items the reader may see; others are not found. */
    @PreAuthorize(MeetingPermissions.READ)
    @Transactional(readOnly = true)
    public Download download(MeetingId id, UUID materialId) {
        var material = ofMeeting(id).stream().filter(m -> m.id().equals(materialId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Material", materialId));
        return new Download(material, materials.content(materialId));
    }
}
