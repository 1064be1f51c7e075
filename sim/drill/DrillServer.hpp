#pragma once
/// @file
/// @brief The drill's HTTP server (cpp-httplib): the JSON API v1 and the two consoles, served from
/// memory (no files are read, so no path can escape). Every API call names its caller with
/// `Authorization: Bearer TOKEN`; the role behind the token decides what it may do and see
/// (docs/running-a-drill.md, "API").
#include "sim/drill/DrillSession.hpp"

#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace hg {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                 ///< 0 = any free port
  std::string cert_file, key_file; ///< both given: HTTPS
  size_t max_body_bytes = 64 * 1024;
};

class DrillServer {
public:
  DrillServer(DrillSession& session, ServerOptions opt);
  ~DrillServer();
  /// Binds and starts serving on a thread. Throws std::runtime_error if it cannot.
  void start();
  void stop();
  int port() const { return port_; }
  /// "http://127.0.0.1:PORT"
  std::string base_url() const;

private:
  void routes();
  DrillSession& s_;
  ServerOptions opt_;
  std::unique_ptr<httplib::Server> srv_;
  std::thread thread_;
  int port_ = 0;
};

} // namespace hg
