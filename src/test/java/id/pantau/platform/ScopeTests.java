package id.pantau.platform;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeTests {

	private final Scope fiditan = Scope.of("81.72.01.2001");
	private final Scope dullahUtara = Scope.of("81.72.01");
	private final Scope tual = Scope.of("81.72");

	@Test
	void aVillageCoversOnlyItself() {
		assertThat(fiditan.covers("81.72.01.2001")).isTrue();
		assertThat(fiditan.covers("81.72.01.2002")).isFalse();
		assertThat(fiditan.covers("81.72.01")).isFalse();
	}

	@Test
	void aRegionCoversTheRegionsBelowIt() {
		assertThat(dullahUtara.covers("81.72.01.2008")).isTrue();
		assertThat(dullahUtara.covers("81.72.02.1003")).isFalse();
		assertThat(tual.covers("81.72.05.2007")).isTrue();
		assertThat(tual.covers(fiditan)).isTrue();
		assertThat(fiditan.covers(tual)).isFalse();
	}

	@Test
	void aCodeThatOnlySharesAPrefixIsNotCovered() {
		assertThat(tual.covers("81.720.01")).isFalse();
		assertThat(Scope.of("81.72.01.2001").covers("81.72.01.20010")).isFalse();
	}

	@Test
	void theWholeDeploymentCoversEverythingAndOnlyItCoversIt() {
		assertThat(Scope.WHOLE_DEPLOYMENT.covers("81.72.01.2001")).isTrue();
		assertThat(Scope.WHOLE_DEPLOYMENT.covers(tual)).isTrue();
		assertThat(tual.covers(Scope.WHOLE_DEPLOYMENT)).isFalse();
		assertThat(Scope.of("  ")).isEqualTo(Scope.WHOLE_DEPLOYMENT);
	}

	@Test
	void aRecordWithoutRegionIsOutsideEveryRegionalScope() {
		assertThat(tual.covers((String) null)).isFalse();
		assertThat(Scope.WHOLE_DEPLOYMENT.covers((String) null)).isTrue();
	}

	@Test
	void aRecordWithoutRegionIsSeenByTheRegencyOfItsOwnDeploymentButNotByOneRegencyOfSeveral() {
		List<String> kotaTual = List.of("81.72");
		List<String> maluku = List.of("81.01", "81.02", "81.71", "81.72");

		assertThat(Scope.within("81.72", kotaTual).sees(null)).isTrue();
		assertThat(Scope.within("81.72.01", kotaTual).sees(null)).isFalse();
		assertThat(Scope.within("81.71", maluku).sees(null)).isFalse();
		assertThat(Scope.within("81.71", maluku).sqlVisibility("p.region_code")).doesNotContain("is null");
		assertThat(Scope.within("81", maluku).sees(null)).isTrue();
		assertThat(Scope.within(null, maluku).sees(null)).isTrue();
		assertThat(Scope.within("81.71", maluku).sees("81.71.01.1001")).isTrue();
		assertThat(Scope.within("81.71", maluku).covers(Scope.of("81.71.01"))).isTrue();
	}

	@Test
	void refusesWhatIsNotARegionCode() {
		assertThatThrownBy(() -> Scope.of("81.72%")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Scope.of("81.72' or '1'='1")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void requiringAnUncoveredRegionIsNotFound() {
		assertThatThrownBy(() -> fiditan.requireCovers("81.72.02.2002", "region"))
				.isInstanceOf(NotFoundException.class);
	}

	@Test
	void sqlConditionMatchesTheRegionAndBelowByPrefix() {
		assertThat(tual.sqlCondition("r.code")).isEqualTo("(r.code = :scopeCode or r.code like :scopePrefix)");
		assertThat(tual.sqlParameters()).containsEntry("scopePrefix", "81.72.%");
		assertThat(Scope.WHOLE_DEPLOYMENT.sqlCondition("r.code")).isEqualTo("true");
	}
}
