package id.pantau.crossings.domain;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;

import id.pantau.identity.DemoAccountsCreated;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo batch of crossing records as Immigration would send them: arrivals of the demo foreigners who hold a passport
 * and a permit, departures of some, and a few strangers the registry does not know. Not linked to persons: linking is
 * matching's work.
 */
@Component
class CrossingDemoData {

	private static final Logger log = LoggerFactory.getLogger(CrossingDemoData.class);

	private final JdbcClient jdbc;
	private final Clock clock;

	CrossingDemoData(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The registry's demo cases for the detection rules (their notes start with "Kasus demo deteksi dini") come with
	 * their crossings already linked, as matching would have linked them, so that a first run finds every case even
	 * before matching has caught up: one of them left the country and was seen in a village afterwards.
	 */
	private int detectionCases(long batch, java.sql.Timestamp now) {
		int added = jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until, transport, batch_id, created_at)
				select 'EXIT', ((s.valid_until - 5) + time '15:00') at time zone 'Asia/Jayapura', 'AMBON-UDARA',
				  c.document_number, c.document_key, c.nationality, c.full_name, c.name_key, c.birth_date, c.birth_year,
				  c.sex, null, null, 'GA 647', :batch, :now
				from crossing c
				join person p on p.primary_name = c.full_name and p.notes like 'Kasus demo deteksi dini: tinggal di desa%'
				join stay_permit s on s.person_id = p.id
				where c.batch_id = :batch and c.direction = 'ENTRY'
				on conflict do nothing""").param("batch", batch).param("now", now).update();
		jdbc.sql("""
				update crossing c set person_id = p.id
				from person p join travel_document d on d.person_id = p.id
				where p.notes like 'Kasus demo deteksi dini:%' and c.batch_id = :batch and c.document_key = d.number_key
				  and c.nationality = p.nationality and c.full_name = p.primary_name""").param("batch", batch).update();
		return added;
	}

	@EventListener
	@Order(3)
	@Transactional
	void onDemoAccounts(DemoAccountsCreated event) {
		if (jdbc.sql("select count(*) from import_batch").query(Long.class).single() > 0) {
			return;
		}
		var now = java.sql.Timestamp.from(clock.instant());
		long batch = jdbc.sql("""
				insert into import_batch (kind, file_name, sha256, legal_basis, origin, header, rows_read, rows_added,
				  rows_known, rows_refused, created_at, created_by)
				values ('CROSSINGS', 'demo-perlintasan.csv', null, 'Data demo (bukan data sebenarnya)', 'Demo Pantau',
				  null, 0, 0, 0, 0, :now, 'demo') returning id""").param("now", now).query(Long.class).single();
		int entries = jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until, transport, batch_id, created_at)
				select 'ENTRY', (s.valid_from + time '10:00') at time zone 'Asia/Jayapura',
				  case when p.category in ('TOURIST', 'RESEARCHER') then 'AMBON-UDARA' else 'TUAL-LAUT' end,
				  d.number, d.number_key, p.nationality, p.primary_name, n.search_key, p.birth_date, p.birth_year, p.sex,
				  s.permit_type, s.valid_until, null, :batch, :now
				from person p
				join travel_document d on d.person_id = p.id and d.document_type = 'PASSPORT'
				join stay_permit s on s.person_id = p.id and s.valid_from is not null
				join person_name n on n.person_id = p.id and n.is_primary
				where p.created_by = 'demo' and p.category in ('TOURIST', 'WORKER', 'RESEARCHER', 'FAMILY_OF_CITIZEN',
				  'STUDENT', 'OTHER')
				on conflict do nothing""").param("batch", batch).param("now", now).update();
		int exits = jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, birth_date, birth_year, sex, permit_type, stay_until, transport, batch_id, created_at)
				select 'EXIT', c.crossed_at + interval '20 days', 'AMBON-UDARA', c.document_number, c.document_key,
				  c.nationality, c.full_name, c.name_key, c.birth_date, c.birth_year, c.sex, null, null, null, :batch, :now
				from crossing c join person p on p.primary_name = c.full_name and p.status = 'DEPARTED'
				where c.batch_id = :batch
				on conflict do nothing""").param("batch", batch).param("now", now).update();
		Random random = new Random(2028);
		String[][] strangers = { { "HTET AUNG KYAW", "MMR" }, { "PRASERT WONGSA", "THA" }, { "LE VAN NAM", "VNM" },
				{ "MICHAEL BROWN", "AUS" }, { "CHEN JIE", "CHN" } };
		int others = 0;
		for (String[] stranger : strangers) {
			String document = "Z" + (1000000 + random.nextInt(8999999));
			var at = java.sql.Timestamp.from(clock.instant().atZone(ZoneOffset.UTC).minusDays(10 + random.nextInt(80))
					.toInstant());
			others += jdbc.sql("""
					insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
					  full_name, name_key, sex, permit_type, stay_until, transport, batch_id, created_at)
					values ('ENTRY', :at, 'TUAL-LAUT', :doc, :key, :nat, :name, :nameKey, 'M', 'VOA', (:at::timestamptz + interval '30 days')::date,
					  'KM Sirimau', :batch, :now)""").param("at", at).param("doc", document)
					.param("nameKey", NameNormalizer.normalize(stranger[0]).sortedKey())
					.param("key", DocumentNumbers.searchKey(document)).param("nat", stranger[1])
					.param("name", stranger[0]).param("batch", batch).param("now", now).update();
		}
		others += detectionCases(batch, now);
		int total = entries + exits + others;
		jdbc.sql("update import_batch set rows_read = :n, rows_added = :n where id = :batch").param("n", total)
				.param("batch", batch).update();
		log.info("{} perlintasan demo dibuat", total);
	}
}
