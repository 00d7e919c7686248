<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ErrorText</name>
    <message>
        <source>The site file does not exist. Check the path or open another site.</source>
        <translation>Le fichier de site n’existe pas. Vérifiez le chemin ou ouvrez un autre site.</translation>
    </message>
    <message>
        <source>The site file cannot be read. Check that it is a file you may read.</source>
        <translation>Le fichier de site ne peut pas être lu. Vérifiez qu’il s’agit bien d’un fichier que vous avez le droit de lire.</translation>
    </message>
    <message>
        <source>The site file is not valid JSON. Fix it in a text editor at the place shown below.</source>
        <translation>Le fichier de site n’est pas du JSON valide. Corrigez-le dans un éditeur de texte à l’endroit indiqué ci-dessous.</translation>
    </message>
    <message>
        <source>The site file has errors. Each one is listed below with where it is.</source>
        <translation>Le fichier de site contient des erreurs. Chacune est indiquée ci-dessous avec son emplacement.</translation>
    </message>
    <message>
        <source>The site could not be saved. The previous version is unchanged.</source>
        <translation>Le site n’a pas pu être enregistré. La version précédente est inchangée.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>Le fichier n’existe pas.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The file could not be written. The previous version is unchanged.</source>
        <translation>Le fichier n’a pas pu être écrit. La version précédente est inchangée.</translation>
    </message>
    <message>
        <source>The file is too large to be a file Relais wrote.</source>
        <translation>Le fichier est trop volumineux pour avoir été écrit par Relais.</translation>
    </message>
    <message>
        <source>The history database cannot be opened.</source>
        <translation>La base de données d’historique ne peut pas être ouverte.</translation>
    </message>
    <message>
        <source>The history database was written by a newer Relais. Use that version.</source>
        <translation>La base de données d’historique a été écrite par une version plus récente de Relais. Utilisez cette version.</translation>
    </message>
    <message>
        <source>The history database could not be updated; it was left as it was.</source>
        <translation>La base de données d’historique n’a pas pu être mise à jour&#xa0;; elle a été laissée en l’état.</translation>
    </message>
    <message>
        <source>The history database refused a change.</source>
        <translation>La base de données d’historique a refusé une modification.</translation>
    </message>
    <message>
        <source>Unexpected error (%1 %2).</source>
        <translation>Erreur inattendue (%1 %2).</translation>
    </message>
</context>
<context>
    <name>SiteCheckCommand</name>
    <message>
        <source>Check a site document and list every problem.</source>
        <translation>Vérifier un document de site et lister chaque problème.</translation>
    </message>
    <message>
        <source>The site document to check.</source>
        <translation>Le document de site à vérifier.</translation>
    </message>
    <message>
        <source>Usage: relaisctl site check FILE</source>
        <translation>Utilisation&#xa0;: relaisctl site check FICHIER</translation>
    </message>
    <message>
        <source>%1: invalid site document: %2</source>
        <translation>%1: document de site invalide&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: valid site &quot;%2&quot; (main %3, backup %4, %n service(s))</source>
        <translation>
            <numerusform>%1: site «&#xa0;%2&#xa0;» valide (principal %3, secours %4, %n service)</numerusform>
            <numerusform>%1: site «&#xa0;%2&#xa0;» valide (principal %3, secours %4, %n services)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteDocument</name>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>clé inconnue</translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation>clé inconnue (vouliez-vous dire &quot;%1&quot;&#xa0;?)</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <extracomment>%1 is the value found: a number, a quoted string, true, false, null, &quot;an array&quot; or &quot;an object&quot;</extracomment>
        <translation>attendu un objet, reçu %1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>attendu un tableau, reçu %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>attendu une chaîne, reçu %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>attendu un entier, reçu %1</translation>
    </message>
    <message>
        <source>expected %1–%2, got %3</source>
        <extracomment>%1–%2 is the accepted range, %3 the number found</extracomment>
        <translation>attendu %1–%2, reçu %3</translation>
    </message>
    <message>
        <source>invalid vault id %1; expected [a-z0-9][a-z0-9._-]{0,63}</source>
        <translation>identifiant de coffre %1 invalide&#xa0;; attendu [a-z0-9][a-z0-9._-]{0,63}</translation>
    </message>
    <message>
        <source>expected an IP address or a DNS name, got %1</source>
        <translation>attendu une adresse IP ou un nom DNS, reçu %1</translation>
    </message>
    <message>
        <source>expected a DNS name, got %1</source>
        <translation>attendu un nom DNS, reçu %1</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got %1</source>
        <translation>attendu une URL http:// ou https://, reçu %1</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>attendu %1, reçu %2</translation>
    </message>
    <message>
        <source>expected at most %1 characters, got %2</source>
        <translation>attendu au plus %1 caractères, reçu %2</translation>
    </message>
    <message>
        <source>expected an IP address, got %1</source>
        <translation>attendu une adresse IP, reçu %1</translation>
    </message>
    <message>
        <source>invalid user name %1; expected [A-Za-z_][A-Za-z0-9._-]{0,31}</source>
        <translation>nom d’utilisateur %1 invalide&#xa0;; attendu [A-Za-z_][A-Za-z0-9._-]{0,31}</translation>
    </message>
    <message>
        <source>unknown transport %1; expected one of %2</source>
        <translation>transport %1 inconnu&#xa0;; attendu l’une des valeurs suivantes&#xa0;: %2</translation>
    </message>
    <message>
        <source>not used by the %1 transport</source>
        <translation>non utilisé par le transport %1</translation>
    </message>
    <message>
        <source>missing (required by the %1 transport)</source>
        <translation>manquant (requis par le transport %1)</translation>
    </message>
    <message>
        <source>expected an absolute path, got %1</source>
        <translation>attendu un chemin absolu, reçu %1</translation>
    </message>
    <message>
        <source>expected https://address:port, got %1</source>
        <translation>attendu https://adresse:port, reçu %1</translation>
    </message>
    <message>
        <source>duplicate service name %1 (also %2)</source>
        <translation>nom de service %1 en double (aussi en %2)</translation>
    </message>
    <message>
        <source>invalid service name %1; expected [A-Za-z0-9][A-Za-z0-9._-]*</source>
        <translation>nom de service %1 invalide&#xa0;; attendu [A-Za-z0-9][A-Za-z0-9._-]*</translation>
    </message>
    <message>
        <source>invalid instance name %1; expected a letter, then letters, digits or hyphens (at most 63, not ending with a hyphen)</source>
        <translation>nom d’instance %1 invalide&#xa0;; attendu une lettre, puis des lettres, des chiffres ou des tirets (63 au plus, sans tiret final)</translation>
    </message>
    <message>
        <source>duplicate container %1 (also %2)</source>
        <translation>conteneur %1 en double (aussi en %2)</translation>
    </message>
    <message>
        <source>unknown provider %1; expected one of %2</source>
        <translation>fournisseur %1 inconnu&#xa0;; attendu l’une des valeurs suivantes&#xa0;: %2</translation>
    </message>
    <message>
        <source>not used by the %1 provider</source>
        <translation>non utilisé par le fournisseur %1</translation>
    </message>
    <message>
        <source>missing (required by the %1 provider)</source>
        <translation>manquant (requis par le fournisseur %1)</translation>
    </message>
    <message>
        <source>expected a name relative to the zone or &quot;@&quot;, got %1</source>
        <translation>attendu un nom relatif à la zone ou &quot;@&quot;, reçu %1</translation>
    </message>
    <message>
        <source>unknown record type %1; expected one of %2</source>
        <translation>type d’enregistrement %1 inconnu&#xa0;; attendu l’une des valeurs suivantes&#xa0;: %2</translation>
    </message>
    <message>
        <source>an %1 record cannot point to %2 (%3)</source>
        <extracomment>%1 is A or AAAA, %2 a JSON path, %3 the address found there</extracomment>
        <translation>un enregistrement %1 ne peut pas pointer vers %2 (%3)</translation>
    </message>
    <message>
        <source>dns probes need %1, which is missing</source>
        <translation>les sondes dns exigent %1, qui est absent</translation>
    </message>
    <message>
        <source>unknown probe kind %1; expected one of %2</source>
        <translation>type de sonde %1 inconnu&#xa0;; attendu l’une des valeurs suivantes&#xa0;: %2</translation>
    </message>
    <message>
        <source>not used by %1 probes</source>
        <translation>non utilisé par les sondes %1</translation>
    </message>
    <message>
        <source>missing (required by %1 probes)</source>
        <translation>manquant (requis par les sondes %1)</translation>
    </message>
    <message>
        <source>unknown host %1; expected one of %2</source>
        <translation>hôte %1 inconnu&#xa0;; attendu l’une des valeurs suivantes&#xa0;: %2</translation>
    </message>
    <message>
        <source>expected two integers [min, max], got an array of %1</source>
        <translation>attendu deux entiers [min, max], reçu un tableau de taille %1</translation>
    </message>
    <message>
        <source>expected min ≤ max, got [%1, %2]</source>
        <translation>attendu min ≤ max, reçu [%1, %2]</translation>
    </message>
    <message>
        <source>expected at most interval_seconds (%1), got %2</source>
        <translation>attendu au plus interval_seconds (%1), reçu %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Relais, the disaster-recovery console for small sites.</source>
        <translation>Relais, la console de reprise après sinistre pour les petits sites.</translation>
    </message>
    <message>
        <source>Open the site document FILE.</source>
        <translation>Ouvrir le document de site FICHIER.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Use the language CODE (en or fr) instead of the system&apos;s.</source>
        <translation>Utiliser la langue CODE (en ou fr) au lieu de celle du système.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
</context>
<context>
    <name>relais::AboutDialog</name>
    <message>
        <source>About Relais</source>
        <translation>À propos de Relais</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Relais %1&lt;/h2&gt;&lt;p&gt;The disaster-recovery console for small sites: health of main and backup, LXD snapshots and replication, rsync, DNS switching and measured failover drills.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Relais %1&lt;/h2&gt;&lt;p&gt;La console de reprise après sinistre pour les petits sites&#xa0;: état du principal et du secours, instantanés et réplication LXD, rsync, bascule DNS et exercices de bascule mesurés.&lt;/p&gt;&lt;p&gt;Logiciel libre distribué sous la licence publique générale GNU (GNU General Public License), version 3 ou ultérieure.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>relais::DashboardView</name>
    <message>
        <source>%1: DNS record %2 (%3, TTL %4 s)</source>
        <translation>%1&#xa0;: enregistrement DNS %2 (%3, TTL %4&#xa0;s)</translation>
    </message>
    <message>
        <source>%1; containers: %2</source>
        <translation>%1&#xa0;; conteneurs&#xa0;: %2</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Recovery targets</source>
        <translation>Objectifs de reprise</translation>
    </message>
    <message>
        <source>No service is described in this site.</source>
        <translation>Aucun service n’est décrit dans ce site.</translation>
    </message>
    <message numerus="yes">
        <source>Data loss at most %n minute(s) (RPO)</source>
        <translation>
            <numerusform>Perte de données d’au plus %n&#xa0;minute (RPO)</numerusform>
            <numerusform>Perte de données d’au plus %n&#xa0;minutes (RPO)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back in service within %n minute(s) (RTO)</source>
        <translation>
            <numerusform>Remise en service en %n&#xa0;minute au plus (RTO)</numerusform>
            <numerusform>Remise en service en %n&#xa0;minutes au plus (RTO)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relais::HostCard</name>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>SSH:</source>
        <translation>SSH&#xa0;:</translation>
    </message>
    <message>
        <source>LXD:</source>
        <translation>LXD&#xa0;:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Secours</translation>
    </message>
    <message>
        <source>%1 (public %2)</source>
        <translation>%1 (publique %2)</translation>
    </message>
    <message>
        <source>%1@%2 port %3</source>
        <translation>%1@%2 port %3</translation>
    </message>
    <message>
        <source>%1, through %2@%3</source>
        <translation>%1, via %2@%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>socket %1 through SSH</source>
        <translation>socket %1 via SSH</translation>
    </message>
    <message>
        <source>%1 (certificate pinned)</source>
        <translation>%1 (certificat épinglé)</translation>
    </message>
    <message>
        <source>Unknown: not checked yet</source>
        <translation>Inconnu&#xa0;: pas encore vérifié</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Unknown: no site open</source>
        <translation>Inconnu&#xa0;: aucun site ouvert</translation>
    </message>
</context>
<context>
    <name>relais::MainWindow</name>
    <message>
        <source>Relais</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>No site is open. Open a site document to see its main and backup hosts.</source>
        <translation>Aucun site n’est ouvert. Ouvrez un document de site pour voir ses hôtes principal et de secours.</translation>
    </message>
    <message>
        <source>&amp;Open a site…</source>
        <translation>&amp;Ouvrir un site…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Site…</source>
        <translation>&amp;Ouvrir un site…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un site &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Relais</source>
        <translation>À &amp;propos de Relais</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>No recent sites</source>
        <translation>Aucun site récent</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>%1 — Relais</source>
        <translation>%1 — Relais</translation>
    </message>
    <message>
        <source>built-in lab site</source>
        <translation>site de laboratoire intégré</translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation>Ouvrir un site</translation>
    </message>
    <message>
        <source>Site documents (*.json);;All files (*)</source>
        <translation>Documents de site (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (see the details).</source>
        <translation>
            <numerusform>…et %n&#xa0;autre (voir les détails).</numerusform>
            <numerusform>…et %n&#xa0;autres (voir les détails).</numerusform>
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
        <translation>Utilisation&#xa0;: relaisctl [--lang CODE] COMMANDE [ARGUMENTS]

Relais en ligne de commande&#xa0;: la console de reprise après sinistre pour les petits sites.

Commandes&#xa0;:
  site check FICHIER    Vérifier un document de site&#xa0;; lister chaque problème avec son chemin.

Options&#xa0;:
  -h, --help            Afficher cette aide.
  -v, --version         Afficher la version.
  --lang CODE           Utiliser la langue CODE (en ou fr).

Code de sortie&#xa0;: 0 succès, 1 un élément vérifié est hors service, 2 erreur.
</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue&#xa0;: %1</translation>
    </message>
</context>
</TS>
