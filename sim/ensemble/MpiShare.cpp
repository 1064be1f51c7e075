#include "sim/ensemble/MpiShare.hpp"

#include <cstdlib>

#ifdef HG_HAVE_MPI
#define OMPI_SKIP_MPICXX 1 // the C API only: no libmpi_cxx
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace hg::ensemble {

namespace {
bool g_started = false;

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "SLURM_STEP_NUM_TASKS"}) // OpenMPI, PMI, PMIx, srun
    if (std::getenv(v)) return true;
  return false;
}
} // namespace

bool mpi_built() {
#ifdef HG_HAVE_MPI
  return true;
#else
  return false;
#endif
}

Share mpi_start() {
  Share s;
#ifdef HG_HAVE_MPI
  if (!launched_by_mpi()) return s;
  // Containers often forbid the cross-memory attach that OpenMPI's shared-memory transport uses for
  // large messages, and the gather then hangs; copying through the shared segment always works.
  setenv("OMPI_MCA_btl_vader_single_copy_mechanism", "none", 0);
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SINGLE, &provided);
  g_started = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &s.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &s.size);
#endif
  return s;
}

Gather mpi_gather() {
  return [](const std::vector<nlohmann::json>& mine) -> std::vector<nlohmann::json> {
#ifdef HG_HAVE_MPI
    if (!g_started) return {};
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const std::string text = nlohmann::json(mine).dump();
    int len = int(text.size());
    std::vector<int> lens(static_cast<size_t>(size)), offs(static_cast<size_t>(size));
    MPI_Gather(&len, 1, MPI_INT, lens.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::string all;
    if (rank == 0) {
      int total = 0;
      for (int r = 0; r < size; ++r) offs[size_t(r)] = total, total += lens[size_t(r)];
      all.resize(size_t(total));
    }
    MPI_Gatherv(text.data(), len, MPI_CHAR, all.data(), lens.data(), offs.data(), MPI_CHAR, 0, MPI_COMM_WORLD);
    std::vector<nlohmann::json> others;
    if (rank == 0)
      for (int r = 1; r < size; ++r)
        for (auto& rec : nlohmann::json::parse(all.substr(size_t(offs[size_t(r)]), size_t(lens[size_t(r)]))))
          others.push_back(std::move(rec));
    return others;
#else
    (void)mine;
    return {};
#endif
  };
}

Broadcast mpi_broadcast() {
  return [](int value) {
#ifdef HG_HAVE_MPI
    if (g_started) MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD);
#endif
    return value;
  };
}

void mpi_finish() {
#ifdef HG_HAVE_MPI
  if (g_started) MPI_Finalize();
  g_started = false;
#endif
}

} // namespace hg::ensemble
