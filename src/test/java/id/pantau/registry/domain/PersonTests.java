package id.pantau.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import id.pantau.registry.BirthDate;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.HumanitarianFlag;
import id.pantau.registry.IdentityLinkKind;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class PersonTests {

	private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	@Test
	void aNewPersonIsPresentWithItsNameAsPrimaryAndAStatusHistory() {
		Person person = person("KYAW MIN HTUN", Category.EX_CREW);
		assertThat(person.getStatus()).isEqualTo(PersonStatus.PRESENT);
		assertThat(person.getNames()).singleElement().satisfies(n -> {
			assertThat(n.isPrimary()).isTrue();
			assertThat(n.source()).isEqualTo(NameSource.VILLAGE_REPORT);
		});
		assertThat(person.getStatusHistory()).extracting(StatusChange::status).containsExactly(PersonStatus.PRESENT);
	}

	@Test
	void anAliasIsAddedOnceWhateverItsCase() {
		Person person = person("KYAW MIN HTUN", Category.EX_CREW);
		assertThat(person.addName("Yohanes Renwarin", NameSource.NIK_RECORD, "kesbangpol", NOW)).isTrue();
		assertThat(person.addName("YOHANES RENWARIN", NameSource.NIK_RECORD, "kesbangpol", NOW)).isFalse();
		assertThat(person.getNames()).extracting(PersonName::fullName).containsExactly("KYAW MIN HTUN",
				"Yohanes Renwarin");
	}

	@Test
	void movingClosesTheCurrentResidenceAndPlacesThePersonInTheNewVillage() {
		Person person = person("SOMCHAI SRISUK", Category.EX_CREW);
		person.moveTo("81.72.01.2001", "RT 02", LocalDate.of(2010, 5, 1), "ohoi", NOW);
		person.moveTo("81.72.02.2002", null, LocalDate.of(2020, 1, 1), "kesbangpol", NOW);
		assertThat(person.getRegionCode()).isEqualTo("81.72.02.2002");
		assertThat(person.getResidences()).extracting(Residence::regionCode, Residence::until).containsExactly(
				org.assertj.core.groups.Tuple.tuple("81.72.02.2002", null),
				org.assertj.core.groups.Tuple.tuple("81.72.01.2001", LocalDate.of(2020, 1, 1)));
	}

	@Test
	void aDocumentNumberIsStoredNormalisedWithAKeyThatForgivesOForZero() {
		Person person = person("NGUYEN VAN HUNG", Category.CREW);
		person.addDocument(DocumentType.PASSPORT, "c 012-3456", "VNM", null, "imigrasi", NOW);
		assertThat(person.getDocuments()).singleElement().satisfies(d -> {
			assertThat(d.number()).isEqualTo("C0123456");
			assertThat(d.numberKey()).isEqualTo(id.pantau.registry.names.DocumentNumbers.searchKey("CO123456"));
		});
	}

	@Test
	void mergingKeepsEverythingTheOtherRecordKnewAndLeavesATrace() {
		Person survivor = person("KYAW MIN HTUN", Category.EX_CREW);
		ReflectionTestUtils.setField(survivor, "id", 1L);
		survivor.moveTo("81.72.01.2001", null, LocalDate.of(2012, 1, 1), "ohoi", NOW);
		Person other = person("U KYAW MIN", Category.EX_CREW);
		ReflectionTestUtils.setField(other, "id", 2L);
		other.addName("Petrus Rahayaan", NameSource.NIK_RECORD, "kesbangpol", NOW);
		other.addDocument(DocumentType.SEAMAN_BOOK, "AB1234567", "THA", null, "imigrasi", NOW);
		other.linkIdentity(IdentityLinkKind.NIK, "8172011503800001", null, "kesbangpol", NOW);
		other.flag(HumanitarianFlag.TRAFFICKING_VICTIM, null, null, "kesbangpol", NOW);
		other.moveTo("81.72.02.2002", null, LocalDate.of(2015, 1, 1), "ohoi", NOW);

		survivor.absorb(other, "kesbangpol", NOW);

		assertThat(survivor.getNames()).extracting(PersonName::fullName).contains("KYAW MIN HTUN", "U KYAW MIN",
				"Petrus Rahayaan");
		assertThat(survivor.getNames()).filteredOn(PersonName::isPrimary).extracting(PersonName::fullName)
				.containsExactly("KYAW MIN HTUN");
		assertThat(survivor.getDocuments()).extracting(TravelDocument::number).containsExactly("AB1234567");
		assertThat(survivor.getIdentityLinks()).extracting(IdentityLink::value).containsExactly("8172011503800001");
		assertThat(survivor.getFlags()).extracting(FlagEntry::flag).containsExactly(HumanitarianFlag.TRAFFICKING_VICTIM);
		assertThat(survivor.getResidences()).hasSize(2);
		assertThat(survivor.getRegionCode()).isEqualTo("81.72.01.2001");
		assertThat(other.getStatus()).isEqualTo(PersonStatus.MERGED);
		assertThat(other.getMergedInto()).isEqualTo(1L);
		assertThat(other.getNames()).as("the trace keeps its own data").hasSize(2);
		assertThatThrownBy(() -> other.addName("X", NameSource.OFFICER, "x", NOW)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void statusChangesAreKeptNewestFirst() {
		Person person = person("SOK VANNAK", Category.EX_CREW);
		person.changeStatus(PersonStatus.WHEREABOUTS_UNKNOWN, "tidak ditemukan", "bpmpd", NOW.plusSeconds(60));
		person.changeStatus(PersonStatus.PRESENT, "ditemukan di Taar", "kesbangpol", NOW.plusSeconds(120));
		assertThat(person.getStatusHistory()).extracting(StatusChange::status).containsExactly(PersonStatus.PRESENT,
				PersonStatus.WHEREABOUTS_UNKNOWN, PersonStatus.PRESENT);
		assertThatThrownBy(() -> person.changeStatus(PersonStatus.MERGED, null, "x", NOW))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void signingOffEndsTheOpenServiceOnThatVesselOnly() {
		Person person = person("KYAW MIN HTUN", Category.CREW);
		person.assignToVessel(7L, "Nakhoda", LocalDate.of(2026, 3, 1), null, "imigrasi", NOW);
		person.assignToVessel(8L, "Juru mesin", LocalDate.of(2026, 3, 2), null, "imigrasi", NOW);
		assertThat(person.openAssignment(7L)).isPresent();
		person.signOff(7L, null, LocalDate.of(2026, 9, 30), "imigrasi", NOW);
		assertThat(person.openAssignment(7L)).isEmpty();
		assertThat(person.openAssignment(8L)).isPresent();
		assertThat(person.getVesselAssignments()).filteredOn(a -> a.vesselId() == 7L).singleElement()
				.satisfies(a -> {
					assertThat(a.signedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
					assertThat(a.signedOff()).isEqualTo(LocalDate.of(2026, 9, 30));
					assertThat(a.crewRole()).isEqualTo("Nakhoda");
				});
	}

	@Test
	void signingOffWithoutARecordedArrivalRecordsAServiceThatEnded() {
		Person person = person("KYAW MIN HTUN", Category.CREW);
		person.signOff(7L, "ABK", LocalDate.of(2026, 9, 30), "imigrasi", NOW);
		assertThat(person.getVesselAssignments()).singleElement().satisfies(a -> {
			assertThat(a.signedOn()).isNull();
			assertThat(a.signedOff()).isEqualTo(LocalDate.of(2026, 9, 30));
		});
	}

	@Test
	void aServiceCannotEndBeforeItBegan() {
		Person person = person("KYAW MIN HTUN", Category.CREW);
		person.assignToVessel(7L, null, LocalDate.of(2026, 3, 1), null, "imigrasi", NOW);
		assertThatThrownBy(() -> person.signOff(7L, null, LocalDate.of(2026, 2, 1), "imigrasi", NOW))
				.isInstanceOf(IllegalArgumentException.class);
		assertThat(person.openAssignment(7L)).isPresent();
	}

	private static Person person(String name, Category category) {
		return Person.register(new Person.Identity(name, Sex.M, BirthDate.ofYear(1980), "MMR", null, category, null),
				NameSource.VILLAGE_REPORT, "test", NOW);
	}
}
