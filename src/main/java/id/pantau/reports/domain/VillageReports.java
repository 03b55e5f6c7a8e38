package id.pantau.reports.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface VillageReports extends ListCrudRepository<VillageReport, Long> {

	Optional<VillageReport> findByClientKey(UUID clientKey);
}
