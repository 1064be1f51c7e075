/// @file
/// @brief `hgdrill serve EXERCISE --listen 127.0.0.1:PORT --session DIR` and `hgdrill serve --resume DIR`:
/// runs a drill — the session (sim/drill/DrillSession) on this thread, the HTTP server (consoles and
/// JSON API) on its own — and at the end scores the drill and compares it with the bundled plan.
#include "scoring/Compare.hpp"
#include "scoring/Lang.hpp"
#include "scoring/RunScorer.hpp"
#include "sim/cli/Command.hpp"
#include "sim/drill/DrillServer.hpp"
#include "sim/io/AtomicDir.hpp"

#include <csignal>
#include <iostream>
#include <pthread.h>
#include <thread>

namespace hg::cli {

namespace {
struct ServeArgs {
  std::string exercise, listen = "127.0.0.1:8080", session, resume, cert, key, lang;
  bool exit_at_end = false, quiet = false, check = false;
};
} // namespace

Runner add_serve_command(CLI::App& app) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* c =
      app.add_subcommand("serve", "Run a drill: server, team and facilitator consoles / 演练服务器");
  c->add_option("exercise", a->exercise, "Exercise file (exercise/1 YAML)");
  c->add_option("--listen", a->listen,
                "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 = any free port)");
  c->add_option("--session", a->session, "Session folder: journal, tokens, results");
  c->add_option("--resume", a->resume, "Resume the drill in this session folder after a stop or crash");
  c->add_option("--cert", a->cert, "TLS certificate (PEM) for HTTPS");
  c->add_option("--key", a->key, "TLS private key (PEM) for HTTPS");
  c->add_flag("--exit-at-end", a->exit_at_end,
              "Stop the server once the drill has ended and its results are written");
  c->add_option("--lang", a->lang, "Report language zh|en (default from the locale)")
      ->check(CLI::IsMember({"zh", "en"}));
  c->add_flag("--quiet", a->quiet, "Print only the console addresses and errors");
  c->add_flag("--check", a->check, "Only check the exercise (and the scenarios it names), then exit 0 or 3");
  return [a]() -> int {
    if (a->check) {
      if (a->exercise.empty()) {
        std::cerr << "hgdrill serve --check: give the EXERCISE file\n";
        return kUsage;
      }
      Diagnostics diag;
      const Exercise ex = load_exercise(a->exercise, diag);
      if (diag.has_errors()) {
        std::cerr << diag.str() << "hgdrill: " << diag.error_count() << " error(s) in " << a->exercise
                  << "\n";
        return kInvalidInput;
      }
      std::cout << a->exercise << ": ok (" << ex.kind << ", " << ex.teams.size() << " teams, "
                << ex.msel.size() << " MSEL injects)\n";
      return kOk;
    }
    const bool resume = !a->resume.empty();
    if (resume == !a->session.empty() || (!resume && a->exercise.empty())) {
      std::cerr << "hgdrill serve: give EXERCISE --session DIR for a new drill, or --resume DIR\n";
      return kUsage;
    }
    ServerOptions so;
    const auto colon = a->listen.rfind(':');
    try {
      if (colon == std::string::npos) throw std::invalid_argument("no port");
      so.host = a->listen.substr(0, colon);
      so.port = std::stoi(a->listen.substr(colon + 1));
      if (so.port < 0 || so.port > 65535 || so.host.empty()) throw std::invalid_argument("range");
    } catch (const std::exception&) {
      std::cerr << "hgdrill serve: --listen: expected HOST:PORT, e.g. 127.0.0.1:8080\n";
      return kUsage;
    }
    so.cert_file = a->cert;
    so.key_file = a->key;
    // SIGINT/SIGTERM are taken by one thread, which stops the drill cleanly (the journal is already durable).
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
    std::unique_ptr<DrillSession> session;
    std::unique_ptr<DrillServer> server;
    try {
      session =
          std::make_unique<DrillSession>(a->exercise, resume ? a->resume : a->session, resume, a->quiet);
      server = std::make_unique<DrillServer>(*session, so);
      server->start();
    } catch (const InputError& e) {
      std::cerr << e.diagnostics().str();
      return kInvalidInput;
    } catch (const std::exception& e) {
      std::cerr << "hgdrill serve: " << e.what() << "\n";
      return kInvalidInput;
    }
    const std::string base = server->base_url();
    const auto& tok = session->tokens();
    const Exercise& ex = session->exercise();
    std::cout << "hgdrill serve: " << ex.name.zh << " / " << ex.name.en << (resume ? " (resumed)" : "")
              << "\n"
              << "  session:     " << session->dir() << "  (tokens.json, journal.sqlite)\n";
    if (!session->commitment().empty())
      std::cout << "  commitment:  sha256 " << session->commitment()
                << "  (publish it now; check later with hgdrill reveal)\n";
    std::cout << "  facilitator: " << base << "/facilitator#token=" << tok["facilitator"].get<std::string>()
              << "\n";
    for (const auto& t : ex.teams)
      std::cout << "  team " << t.id << " (" << t.name.zh << " / " << t.name.en << "): " << base
                << "/team#token=" << tok["teams"][t.id].get<std::string>() << "\n";
    std::cout << std::flush;
    write_file_atomic(session->dir() + "/server.json",
                      nlohmann::json{{"url", base}, {"port", server->port()}, {"pid", int(getpid())}}.dump() +
                          "\n");

    std::atomic<bool> interrupted{false};
    std::thread sig([&] {
      int s = 0;
      sigwait(&sigs, &s);
      interrupted = true;
      session->stop();
    });
    sig.detach();
    DrillHooks hooks;
    const std::string lang = a->lang;
    hooks.score = [lang](const std::string& dir, const std::string& rubric) {
      score::ScoreOptions o;
      o.lang = lang;
      o.rubric_path = rubric;
      return score::score_run(dir, o);
    };
    hooks.compare = [lang](const std::string& x, const std::string& y, const std::string& html) {
      const std::string l = score::choose_lang(lang);
      auto ra = score::score_folder(x, "");
      auto rb = score::score_folder(y, ra->rubric.file);
      write_file_atomic(html, score::compare_html(*ra, *rb, l));
      return score::compare_text(*ra, *rb, l);
    };
    bool ended = false;
    try {
      ended = session->run(hooks);
    } catch (const std::exception& e) {
      std::cerr << "hgdrill serve: " << e.what() << "\n";
      server->stop();
      return kRunFailed;
    }
    if (ended) {
      std::cout << "hgdrill serve: the drill has ended; results in " << session->dir()
                << " (run/, plan/, compare.html, msel-scores.md, results.json)\n"
                << std::flush;
      if (!a->exit_at_end)
        while (!interrupted)
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    server->stop();
    return ended || interrupted ? kOk : kRunFailed;
  };
}

} // namespace hg::cli
