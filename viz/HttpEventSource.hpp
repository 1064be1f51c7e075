#pragma once
/// @file
/// @brief EventSource over a running drill: polls the drill server's facilitator view
/// (`GET /api/v1/view?since=N&only=events`, docs/running-a-drill.md) for the events that arrived
/// since the last poll, at most twice a second, so the viewer can be a live wall display.
#include "viz/EventSource.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>

namespace httplib {
class Client;
}

namespace hg::viz {

class HttpEventSource : public EventSource {
public:
  /// `url`: http://HOST:PORT of `hgdrill serve`; `token`: the facilitator's. Throws std::runtime_error
  /// if the server cannot be reached or refuses the token.
  HttpEventSource(std::string url, std::string token);
  ~HttpEventSource() override;
  std::vector<Event> poll() override;
  bool live() const override { return !ended_; }
  std::optional<double> clock_s() const override { return clock_s_; }
  std::string describe() const override { return url_; }
  /// The first answer of the server (scenario file, clock…).
  const nlohmann::json& first_view() const { return first_; }

private:
  nlohmann::json get(long since);
  std::string url_, token_;
  std::unique_ptr<httplib::Client> cli_;
  long since_ = 0;
  bool ended_ = false;
  std::optional<double> clock_s_;
  bool first_poll_ = true;
  nlohmann::json first_;
  std::chrono::steady_clock::time_point last_{};
};

/// Converts one event of the API ({seq, t, type, actors, payload}) to an Event.
Event event_from_json(const nlohmann::json& j);

} // namespace hg::viz
