package id.pantau.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.dashboard.domain.DashboardQueries;
import id.pantau.platform.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's "permits ending within 30 days" counts persons as the registry's list filter selects them, exactly
 * up to {@link DashboardQueries#PERMITS_COUNTED_UP_TO} and as "more than" past it, where the count stops early.
 */
@PantauIntegrationTest
class PermitsEndingFigureIntegrationTests {

	private static final String VILLAGE = "81.72.01.2002";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DashboardQueries dashboard;

	@Test
	void personsWithAPermitEndingSoonAreCountedOnceEachAsTheListSelectsThem() {
		String tag = "IZIN " + System.nanoTime();
		LocalDate today = LocalDate.ofInstant(TestClock.now(), ZoneOffset.UTC);
		try {
			long twoPermits = person(tag + " DUA", "PRESENT");
			permit(twoPermits, today.plusDays(3));
			permit(twoPermits, today.plusDays(20));
			permit(person(tag + " PERGI", "DEPARTED"), today);
			long merged = person(tag + " DIGABUNG", "PRESENT");
			permit(merged, today.plusDays(5));
			jdbc.sql("update person set status = 'MERGED', merged_into = :into where id = :id").param("into", twoPermits)
					.param("id", merged).update();
			permit(person(tag + " NANTI", "PRESENT"), today.plusDays(DashboardQueries.PERMIT_DAYS + 1));
			permit(person(tag + " LALU", "PRESENT"), today.minusDays(1));

			DashboardQueries.Figures figures = dashboard.figures(Scope.of(VILLAGE), false);

			assertThat(figures.permitsEnding()).isEqualTo(recount(today)).isGreaterThanOrEqualTo(2);
			assertThat(figures.permitsEndingExact()).isTrue();
		}
		finally {
			jdbc.sql("delete from person where primary_name like :tag and merged_into is not null").param("tag", tag + "%")
					.update();
			jdbc.sql("delete from person where primary_name like :tag").param("tag", tag + "%").update();
		}
	}

	@Test
	void pastTheBoundTheCountStopsAndSaysMoreThan() {
		String tag = "BANYAK IZIN " + System.nanoTime();
		LocalDate today = LocalDate.ofInstant(TestClock.now(), ZoneOffset.UTC);
		try {
			jdbc.sql("""
					with added as (
					  insert into person (primary_name, sex, nationality, category, status, region_code, created_at,
					    created_by, updated_at, updated_by, version)
					  select :tag || ' ' || g, 'F', 'THA', 'WORKER', 'PRESENT', :village, now(), 'uji', now(), 'uji', 0
					  from generate_series(1, :n) g returning id)
					insert into stay_permit (person_id, permit_type, valid_from, valid_until, added_at)
					select id, 'BEBAS_VISA', :today, :until, now() from added""")
					.param("tag", tag).param("village", VILLAGE).param("n", DashboardQueries.PERMITS_COUNTED_UP_TO + 5)
					.param("today", today).param("until", today.plusDays(7)).update();

			DashboardQueries.Figures figures = dashboard.figures(Scope.of(VILLAGE), false);

			assertThat(recount(today)).isGreaterThan(DashboardQueries.PERMITS_COUNTED_UP_TO + 1);
			assertThat(figures.permitsEndingExact()).isFalse();
			assertThat(figures.permitsEnding()).isEqualTo(DashboardQueries.PERMITS_COUNTED_UP_TO + 1);
		}
		finally {
			jdbc.sql("delete from person where primary_name like :tag").param("tag", tag + "%").update();
		}
	}

	private long recount(LocalDate today) {
		return jdbc.sql("""
				select count(distinct s.person_id) from stay_permit s join person p on p.id = s.person_id
				where s.valid_until between :today and :until and p.status <> 'MERGED' and p.region_code = :village""")
				.param("today", today).param("until", today.plusDays(DashboardQueries.PERMIT_DAYS))
				.param("village", VILLAGE).query(Long.class).single();
	}

	private long person(String name, String status) {
		return jdbc.sql("""
				insert into person (primary_name, sex, nationality, category, status, region_code, created_at, created_by,
				  updated_at, updated_by, version)
				values (:name, 'M', 'MMR', 'EX_CREW', :status, :village, now(), 'uji', now(), 'uji', 0) returning id""")
				.param("name", name).param("status", status).param("village", VILLAGE).query(Long.class).single();
	}

	private void permit(long person, LocalDate until) {
		jdbc.sql("""
				insert into stay_permit (person_id, permit_type, valid_from, valid_until, added_at)
				values (:person, 'BEBAS_VISA', :from, :until, now())""").param("person", person)
				.param("from", until.minusDays(30)).param("until", until).update();
	}
}
