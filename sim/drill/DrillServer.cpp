#include "sim/drill/DrillServer.hpp"

#include "sim/drill/ConsolePages.hpp"

#include <httplib.h>

#include <stdexcept>

namespace hg {

namespace {

void send_json(httplib::Response& res, int status, const nlohmann::json& j) {
  res.status = status;
  res.set_content(j.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& msg) {
  send_json(res, status, {{"error", msg}, {"status", status}});
}

std::string bearer(const httplib::Request& req) {
  const std::string h = req.get_header_value("Authorization");
  const std::string p = "Bearer ";
  return h.rfind(p, 0) == 0 ? h.substr(p.size()) : "";
}

} // namespace

DrillServer::DrillServer(DrillSession& session, ServerOptions opt) : s_(session), opt_(std::move(opt)) {
  if (!opt_.cert_file.empty() || !opt_.key_file.empty()) {
    if (opt_.cert_file.empty() || opt_.key_file.empty())
      throw std::runtime_error("HTTPS needs both --cert and --key");
    auto ssl = std::make_unique<httplib::SSLServer>(opt_.cert_file.c_str(), opt_.key_file.c_str());
    if (!ssl->is_valid())
      throw std::runtime_error("cannot use the certificate " + opt_.cert_file + " and key " + opt_.key_file);
    srv_ = std::move(ssl);
  } else {
    srv_ = std::make_unique<httplib::Server>();
  }
  srv_->set_payload_max_length(opt_.max_body_bytes); // larger bodies are answered 413
  srv_->set_read_timeout(10, 0);
  srv_->set_write_timeout(10, 0);
  routes();
}

DrillServer::~DrillServer() {
  stop();
}

std::string DrillServer::base_url() const {
  return std::string(opt_.cert_file.empty() ? "http" : "https") + "://" + opt_.host + ":" +
         std::to_string(port_);
}

void DrillServer::start() {
  port_ = opt_.port == 0 ? srv_->bind_to_any_port(opt_.host.c_str())
                         : (srv_->bind_to_port(opt_.host.c_str(), opt_.port) ? opt_.port : -1);
  if (port_ <= 0) throw std::runtime_error("cannot listen on " + opt_.host + ":" + std::to_string(opt_.port));
  thread_ = std::thread([this] { srv_->listen_after_bind(); });
}

void DrillServer::stop() {
  if (srv_) srv_->stop();
  if (thread_.joinable()) thread_.join();
}

void DrillServer::routes() {
  auto& srv = *srv_;
  srv.set_default_headers({{"Cache-Control", "no-store"},
                           {"X-Content-Type-Options", "nosniff"},
                           {"X-Frame-Options", "DENY"},
                           {"Referrer-Policy", "no-referrer"}});
  // Who is calling: 401 without a valid token, 403 when the role may not.
  auto role = [this](const httplib::Request& req) {
    std::string r = s_.role_of(bearer(req));
    if (r.empty()) throw Refusal(401, "a valid token is needed: Authorization: Bearer TOKEN");
    return r;
  };
  auto need = [](const std::string& have, bool facilitator) {
    if ((have == "facilitator") != facilitator)
      throw Refusal(403, facilitator ? "only the facilitator may do this" : "only a team may do this");
  };
  auto body_json = [](const httplib::Request& req) {
    try {
      return nlohmann::json::parse(req.body);
    } catch (const std::exception& e) {
      throw Refusal(400, std::string("malformed JSON: ") + e.what());
    }
  };
  using H = std::function<void(const httplib::Request&, httplib::Response&)>;
  auto guarded = [](H h) {
    return [h](const httplib::Request& req, httplib::Response& res) {
      try {
        h(req, res);
      } catch (const Refusal& r) {
        send_error(res, r.status, r.what());
      } catch (const std::exception& e) {
        send_error(res, 500, e.what());
      }
    };
  };

  srv.Get("/api/v1/view", guarded([=](const httplib::Request& req, httplib::Response& res) {
            const std::string r = role(req);
            if (r == "facilitator") {
              long since = 0;
              if (req.has_param("since")) {
                try {
                  since = std::stol(req.get_param_value("since"));
                } catch (...) {
                  throw Refusal(400, "since: expected an event number");
                }
              }
              send_json(res, 200, s_.facilitator_view(since, req.get_param_value("only") == "events"));
            } else {
              send_json(res, 200, s_.team_view(r));
            }
          }));
  srv.Post("/api/v1/orders", guarded([=](const httplib::Request& req, httplib::Response& res) {
             const std::string r = role(req);
             need(r, false);
             send_json(res, 202, s_.submit_order(r, body_json(req)));
           }));
  srv.Get("/api/v1/orders", guarded([=](const httplib::Request& req, httplib::Response& res) {
            need(role(req), true);
            send_json(res, 200, s_.orders());
          }));
  srv.Post("/api/v1/clock", guarded([=](const httplib::Request& req, httplib::Response& res) {
             need(role(req), true);
             send_json(res, 200, s_.submit_clock(body_json(req)));
           }));
  srv.Post("/api/v1/injects", guarded([=](const httplib::Request& req, httplib::Response& res) {
             need(role(req), true);
             send_json(res, 202, s_.submit_inject(body_json(req)));
           }));
  srv.Get("/api/v1/injects", guarded([=](const httplib::Request& req, httplib::Response& res) {
            need(role(req), true);
            send_json(res, 200, s_.injects());
          }));
  // The consoles: pages held in the program. The token travels in the URL fragment, which browsers
  // never send to the server; the page sends it back as a Bearer header.
  auto page = [](const std::string& html) {
    return [html](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src "
                                                "'unsafe-inline'; connect-src 'self'; img-src 'self' data:");
      res.set_content(html, "text/html; charset=utf-8");
    };
  };
  srv.Get("/", page(index_page()));
  srv.Get("/team", page(team_console_page()));
  srv.Get("/facilitator", page(facilitator_console_page()));
  srv.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      const char* what = res.status == 404   ? "no such page or endpoint"
                         : res.status == 413 ? "request body too large"
                         : res.status == 405 ? "method not allowed"
                                             : "request refused";
      send_error(res, res.status, what);
    }
  });
}

} // namespace hg
