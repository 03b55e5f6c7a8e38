package id.pantau.registry.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.InvalidInput;
import id.pantau.registry.VesselStatus;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vessels whose crew the registry follows. Vessel data is not personal data: every user in scope may read it.
 * Only Imigrasi and Kesbangpol keep it: a vessel's status feeds the alerts of every village where its crew live, so a
 * village official reports about a vessel (on a report or a person) but neither registers one nor changes it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class VesselRegistry {

	/** Who registers vessels and records what became of them, here and on every route that reaches these methods. */
	public static final String KEEPERS = "hasAnyRole('KESBANGPOL', 'IMIGRASI')";

	private final Vessels vessels;
	private final AuditTrail audit;
	private final Clock clock;

	public List<Vessel> all() {
		return vessels.findAllByOrderByName();
	}

	public Optional<Vessel> find(long id) {
		return vessels.findById(id);
	}

	@Transactional
	@PreAuthorize(KEEPERS)
	public Vessel register(String name, String flagState, String registration, String imoNumber, String ownerAgent,
			VesselStatus status, String notes) {
		return add(name, flagState, registration, imoNumber, ownerAgent, status, notes);
	}

	/**
	 * For the crew-list import, which names a vessel not yet registered: the import itself is the keepers' only
	 * ({@code CrewListPageController}), and runs without going through this bean's proxy checks.
	 */
	@Transactional
	Vessel add(String name, String flagState, String registration, String imoNumber, String ownerAgent,
			VesselStatus status, String notes) {
		if (name == null || name.isBlank()) {
			throw InvalidInput.of("name", "input.required");
		}
		if (imoNumber != null && !imoNumber.isBlank() && !imoNumber.strip().matches("\\d{7}")) {
			throw InvalidInput.of("imoNumber", "vessel.imo");
		}
		Vessel vessel = vessels.save(Vessel.register(name, flagState, blank(registration), blank(imoNumber),
				blank(ownerAgent), status == null ? VesselStatus.ACTIVE : status, blank(notes), clock.instant()));
		audit.record(AuditEntry.of("VESSEL_REGISTERED").subject("VESSEL", vessel.getId()));
		return vessel;
	}

	@Transactional
	@PreAuthorize(KEEPERS)
	public Vessel changeStatus(long id, VesselStatus status) {
		Vessel vessel = vessels.findById(id).orElseThrow(() -> new id.pantau.platform.NotFoundException("vessel " + id));
		vessel.changeStatus(status, clock.instant());
		vessels.save(vessel);
		audit.record(AuditEntry.of("VESSEL_STATUS_CHANGED").subject("VESSEL", id).detail("status", status));
		return vessel;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
