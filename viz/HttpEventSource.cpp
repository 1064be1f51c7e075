/// @file
/// @brief Polls a running drill for new events (see HttpEventSource.hpp).
#include "viz/HttpEventSource.hpp"

#include <httplib.h>

#include <stdexcept>

namespace hg::viz {

Event event_from_json(const nlohmann::json& j) {
  Event e;
  e.seq = j.value("seq", 0L);
  e.t = j.value("t", 0.0);
  e.type = j.value("type", "");
  e.actors = j.value("actors", std::vector<std::string>{});
  e.payload = j.value("payload", nlohmann::json::object());
  return e;
}

HttpEventSource::HttpEventSource(std::string url, std::string token)
    : url_(std::move(url)), token_(std::move(token)) {
  while (!url_.empty() && url_.back() == '/')
    url_.pop_back();
  cli_ = std::make_unique<httplib::Client>(url_);
  cli_->set_connection_timeout(5, 0);
  cli_->set_read_timeout(30, 0);
  cli_->set_bearer_token_auth(token_.c_str());
  first_ = get(0);
}

HttpEventSource::~HttpEventSource() = default;

nlohmann::json HttpEventSource::get(long since) {
  auto res = cli_->Get(("/api/v1/view?only=events&since=" + std::to_string(since)).c_str());
  if (!res)
    throw std::runtime_error(url_ + ": cannot reach the drill server (" + httplib::to_string(res.error()) +
                             ")");
  if (res->status == 401 || res->status == 403)
    throw std::runtime_error(url_ + ": the server refused the token (" + std::to_string(res->status) +
                             "); the live view needs the facilitator's token from tokens.json");
  if (res->status != 200)
    throw std::runtime_error(url_ + ": HTTP " + std::to_string(res->status) + ": " + res->body);
  auto j = nlohmann::json::parse(res->body, nullptr, false);
  if (j.is_object() && j.value("role", "") == "team")
    throw std::runtime_error(url_ +
                             ": this is a team's token; the live view shows ground truth and needs the "
                             "facilitator's token from tokens.json");
  if (j.is_discarded() || !j.contains("events"))
    throw std::runtime_error(url_ + ": not a drill server's answer");
  return j;
}

std::vector<Event> HttpEventSource::poll() {
  nlohmann::json j;
  if (first_poll_) {
    first_poll_ = false;
    j = first_;
  } else {
    const auto now = std::chrono::steady_clock::now();
    if (ended_ || now - last_ < std::chrono::milliseconds(500)) return {};
    last_ = now;
    try {
      j = get(since_);
    } catch (const std::exception&) {
      return {}; // a server that went away (e.g. restarting with --resume) is tried again
    }
  }
  std::vector<Event> out;
  for (const auto& e : j["events"])
    out.push_back(event_from_json(e));
  since_ += long(out.size());
  const long total = j.value("events_total", since_);
  ended_ = j.contains("clock") && j["clock"].value("ended", false) && since_ >= total;
  if (j.contains("clock")) clock_s_ = j["clock"].value("t_s", 0.0);
  return out;
}

} // namespace hg::viz
