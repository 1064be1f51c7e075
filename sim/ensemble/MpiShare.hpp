#pragma once
/// @file
/// @brief Running an ensemble across machines with MPI: when the program was built with OpenMPI
/// and started by mpirun (or srun), each rank runs the replicas k with k mod size = rank and the
/// records are gathered on rank 0, which writes the outputs. Without MPI (or outside mpirun) this is
/// one rank of one and the gather is the identity.
#include "sim/ensemble/Ensemble.hpp"

namespace hg::ensemble {

/// True if this build has MPI.
bool mpi_built();
/// Starts MPI when launched by an MPI launcher; returns this process's share.
Share mpi_start();
/// The gather for the share returned by mpi_start().
Gather mpi_gather();
/// The broadcast from rank 0 for the share returned by mpi_start().
Broadcast mpi_broadcast();
/// Ends MPI if it was started.
void mpi_finish();

} // namespace hg::ensemble
