/**
 * The registry of foreign residents (registrasi orang asing): persons with their names, documents, permits,
 * residences, crew service, NIK links, humanitarian flags and status history, and vessels.
 * <p>
 * It owns {@code person}, {@code person_name}, {@code travel_document}, {@code stay_permit}, {@code residence},
 * {@code vessel}, {@code vessel_assignment}, {@code identity_link}, {@code humanitarian_flag} and
 * {@code person_status_change}, and the crew lists it imported ({@code crew_list_import}); other modules use
 * {@link id.pantau.registry.Registry}, {@link id.pantau.registry.RegistryPersonalData} for the duties of UU 27/2022,
 * or read the views below.
 */
@id.pantau.platform.OwnedTables({
	"person", "person_name", "travel_document", "stay_permit", "residence", "vessel", "vessel_assignment",
	"identity_link", "humanitarian_flag", "person_status_change", "crew_list_import", "person_present_count" })
@id.pantau.platform.ReadModels({
	"person_read", "person_status_change_read", "stay_permit_read", "residence_read", "travel_document_read",
	"vessel_read", "vessel_assignment_read", "identity_link_read", "person_present_count_read" })
package id.pantau.registry;
