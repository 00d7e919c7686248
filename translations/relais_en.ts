<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorText</name>
    <message>
        <source>The site file does not exist. Check the path or open another site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site file cannot be read. Check that it is a file you may read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site file is not valid JSON. Fix it in a text editor at the place shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site file has errors. Each one is listed below with where it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site could not be saved. The previous version is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written. The previous version is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large to be a file Relais wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database was written by a newer Relais. Use that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database could not be updated; it was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database refused a change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error (%1 %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteCheckCommand</name>
    <message>
        <source>Check a site document and list every problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site document to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: relaisctl site check FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: invalid site document: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: valid site &quot;%2&quot; (main %3, backup %4, %n service(s))</source>
        <translation>
            <numerusform>%1: valid site &quot;%2&quot; (main %3, backup %4, %n service)</numerusform>
            <numerusform>%1: valid site &quot;%2&quot; (main %3, backup %4, %n services)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteDocument</name>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <extracomment>%1 is the value found: a number, a quoted string, true, false, null, &quot;an array&quot; or &quot;an object&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1–%2, got %3</source>
        <extracomment>%1–%2 is the accepted range, %3 the number found</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid vault id %1; expected [a-z0-9][a-z0-9._-]{0,63}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an IP address or a DNS name, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a DNS name, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most %1 characters, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an IP address, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid user name %1; expected [A-Za-z_][A-Za-z0-9._-]{0,31}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown transport %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by the %1 transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by the %1 transport)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an absolute path, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected https://address:port, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate service name %1 (also %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid service name %1; expected [A-Za-z0-9][A-Za-z0-9._-]*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid instance name %1; expected a letter, then letters, digits or hyphens (at most 63, not ending with a hyphen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate container %1 (also %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown provider %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by the %1 provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by the %1 provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a name relative to the zone or &quot;@&quot;, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown record type %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an %1 record cannot point to %2 (%3)</source>
        <extracomment>%1 is A or AAAA, %2 a JSON path, %3 the address found there</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dns probes need %1, which is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown probe kind %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by %1 probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (required by %1 probes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown host %1; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected two integers [min, max], got an array of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected min ≤ max, got [%1, %2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most interval_seconds (%1), got %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Relais, the disaster-recovery console for small sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the site document FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the language CODE (en or fr) instead of the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CODE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::AboutDialog</name>
    <message>
        <source>About Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Relais %1&lt;/h2&gt;&lt;p&gt;The disaster-recovery console for small sites: health of main and backup, LXD snapshots and replication, rsync, DNS switching and measured failover drills.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::DashboardView</name>
    <message>
        <source>%1: DNS record %2 (%3, TTL %4 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; containers: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service is described in this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Data loss at most %n minute(s) (RPO)</source>
        <translation>
            <numerusform>Data loss at most %n minute (RPO)</numerusform>
            <numerusform>Data loss at most %n minutes (RPO)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back in service within %n minute(s) (RTO)</source>
        <translation>
            <numerusform>Back in service within %n minute (RTO)</numerusform>
            <numerusform>Back in service within %n minutes (RTO)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::HostCard</name>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (public %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1@%2 port %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, through %2@%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>socket %1 through SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (certificate pinned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: no site open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relais::MainWindow</name>
    <message>
        <source>Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site is open. Open a site document to see its main and backup hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Relais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in lab site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site documents (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (see the details).</source>
        <translation>
            <numerusform>…and %n more (see the details).</numerusform>
            <numerusform>…and %n more (see the details).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relaisctl</name>
    <message>
        <source>Usage: relaisctl [--lang CODE] COMMAND [ARGUMENTS]

Relais on the command line: the disaster-recovery console for small sites.

Commands:
  site check FILE    Check a site document; list every problem with its path.

Options:
  -h, --help         Show this help.
  -v, --version      Show the version.
  --lang CODE        Use the language CODE (en or fr).

Exit status: 0 success, 1 something checked is down, 2 error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
