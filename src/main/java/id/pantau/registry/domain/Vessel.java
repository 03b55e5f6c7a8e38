package id.pantau.registry.domain;

import java.time.Instant;

import id.pantau.registry.VesselStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A vessel whose crew the registry follows: foreign crew may stay ashore when it departs, is seized or sinks. */
@Table("vessel")
public class Vessel {

	@Id
	private Long id;
	private String name;
	private String flagState;
	private String registration;
	private String imoNumber;
	private String ownerAgent;
	private VesselStatus status;
	private String notes;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private Integer version;

	Vessel() {
	}

	static Vessel register(String name, String flagState, String registration, String imoNumber, String ownerAgent,
			VesselStatus status, String notes, Instant now) {
		Vessel vessel = new Vessel();
		vessel.name = name.trim().toUpperCase(java.util.Locale.ROOT);
		vessel.flagState = flagState;
		vessel.registration = registration;
		vessel.imoNumber = imoNumber;
		vessel.ownerAgent = ownerAgent;
		vessel.status = status;
		vessel.notes = notes;
		vessel.createdAt = now;
		vessel.updatedAt = now;
		return vessel;
	}

	void changeStatus(VesselStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public String getFlagState() {
		return flagState;
	}

	public String getRegistration() {
		return registration;
	}

	public String getImoNumber() {
		return imoNumber;
	}

	public String getOwnerAgent() {
		return ownerAgent;
	}

	public VesselStatus getStatus() {
		return status;
	}

	public String getNotes() {
		return notes;
	}

	public Integer getVersion() {
		return version;
	}
}
