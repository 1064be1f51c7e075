#pragma once
/// @file
/// @brief The engine's own event types (the contract with scoring, the viewer and docs/formats.md).
#include "sim/io/EventTypes.hpp"

namespace hg {

const std::vector<EventType>& core_event_types();

} // namespace hg
