package io.paperstream.enrich.domain.links;

import java.util.Locale;
import java.util.Set;

/** Host tables the scanner and the classifier share: which hosts are recognised without a scheme, which are only noise. */
final class KnownHosts {

    /**
     * Hosts recognised in text without {@code http(s)://} or {@code www.}. A whitelist, because a generic
     * "word.word/..." rule would turn file names ({@code model.pt}, {@code train.py}) and abbreviations into links.
     */
    static final Set<String> BARE = Set.of(
            "github.com",
            "gist.github.com",
            "raw.githubusercontent.com",
            "gitlab.com",
            "bitbucket.org",
            "codeberg.org",
            "gitee.com",
            "huggingface.co",
            "hf.co",
            "arxiv.org",
            "export.arxiv.org",
            "doi.org",
            "dx.doi.org",
            "openreview.net",
            "aclanthology.org",
            "aclweb.org",
            "sites.google.com",
            "paperswithcode.com",
            "zenodo.org",
            "kaggle.com",
            "colab.research.google.com",
            "pypi.org",
            "youtube.com",
            "youtu.be",
            "drive.google.com",
            "docs.google.com",
            "anonymous.4open.science");

    /** Multi-tenant static-site hosts: the sub-domain names the owner, so the host alone is already a link. */
    static final Set<String> PAGES_SUFFIXES = Set.of(".github.io", ".gitlab.io");

    /** Hosts whose repositories follow {@code owner/repo}; a path shorter than that may continue after a line break. */
    static final Set<String> REPO_HOSTS =
            Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com", "huggingface.co", "hf.co");

    /**
     * Top-level domains we accept when re-joining a host broken after a dot ({@code github. com}); only common ones,
     * so that "ends a sentence. Next word" is not glued into a host.
     */
    static final Set<String> JOINABLE_TLDS = Set.of(
            "com", "org", "net", "io", "ai", "co", "edu", "gov", "dev", "app", "info", "me", "page", "site", "tech",
            "science", "uk", "de", "fr", "cn", "jp", "kr", "ca", "au", "ch", "nl", "eu", "in", "sg", "hk", "tw", "il",
            "se", "fi", "dk", "no", "at", "be", "es", "pt", "pl", "cz", "ru", "br", "cc", "us");

    /**
     * General-purpose platforms, reference sites and services: a link there is not "a project's own site",
     * so it is classified {@code other}. Matched on the host and its parent domains.
     */
    static final Set<String> GENERAL = Set.of(
            "wikipedia.org",
            "wikimedia.org",
            "wikidata.org",
            "wiktionary.org",
            "pytorch.org",
            "tensorflow.org",
            "keras.io",
            "python.org",
            "numpy.org",
            "scipy.org",
            "scikit-learn.org",
            "google.com",
            "goo.gl",
            "forms.gle",
            "youtube.com",
            "youtu.be",
            "vimeo.com",
            "twitter.com",
            "x.com",
            "t.co",
            "linkedin.com",
            "facebook.com",
            "instagram.com",
            "reddit.com",
            "discord.gg",
            "discord.com",
            "slack.com",
            "medium.com",
            "kaggle.com",
            "paperswithcode.com",
            "zenodo.org",
            "figshare.com",
            "osf.io",
            "dropbox.com",
            "box.com",
            "onedrive.live.com",
            "1drv.ms",
            "pypi.org",
            "npmjs.com",
            "anaconda.org",
            "conda-forge.org",
            "docker.com",
            "stackoverflow.com",
            "stackexchange.com",
            "archive.org",
            "bit.ly",
            "tinyurl.com",
            "creativecommons.org",
            "opensource.org",
            "w3.org",
            "ietf.org",
            "amazonaws.com",
            "cloudfront.net",
            "dblp.org",
            "orcid.org",
            "researchgate.net",
            "scholar.archive.org",
            "github.io",
            "gitlab.io",
            "readthedocs.org",
            // app stores
            "apps.apple.com",
            "itunes.apple.com",
            "apps.microsoft.com",
            "microsoftstore.com",
            "addons.mozilla.org",
            "f-droid.org",
            "appgallery.huawei.com",
            "galaxy.store",
            "store.steampowered.com",
            "chromewebstore.google.com",
            "marketplace.visualstudio.com",
            "open-vsx.org",
            "testflight.apple.com",
            // URL shorteners
            "bitly.com",
            "ow.ly",
            "is.gd",
            "v.gd",
            "buff.ly",
            "rebrand.ly",
            "shorturl.at",
            "tiny.cc",
            "cutt.ly",
            "rb.gy",
            "bit.do",
            "lnkd.in",
            "t.ly",
            "dub.sh",
            "s.id",
            "aka.ms",
            "amzn.to",
            "git.io",
            "t.me",
            "shorturl.me",
            "urlz.fr",
            "qrco.de",
            "tiny.one",
            "surl.li",
            "reurl.cc",
            "suo.im",
            "dwz.cn",
            "t.cn",
            "b23.tv",
            "kutt.it",
            "shrtco.de",
            "ouo.io",
            "1url.cn",
            // challenge and competition platforms
            "codalab.org",
            "codabench.org",
            "codalab.lisn.upsaclay.fr",
            "eval.ai",
            "aicrowd.com",
            "drivendata.org",
            "grand-challenge.org",
            "zindi.africa",
            "tianchi.aliyun.com",
            "topcoder.com",
            "signate.jp",
            "challengedata.ens.fr",
            "crowdai.org",
            "synapse.org",
            "leetcode.com",
            "codeforces.com",
            "atcoder.jp",
            "hackerrank.com",
            // studio / app pages of model hubs and ML platforms
            "aistudio.baidu.com",
            "ml.azure.com",
            "modelscope.cn",
            "openxlab.org.cn",
            "modelers.cn",
            "replicate.com",
            "civitai.com",
            "ollama.com",
            "datafountain.cn",
            "sourceforge.net",
            // data and package repositories, file hosting, tool and chat platforms
            "mendeley.com",
            "dataverse.harvard.edu",
            "dataverse.org",
            "archive.ics.uci.edu",
            "openml.org",
            "pan.baidu.com",
            "cran.r-project.org",
            "bioconductor.org",
            "crates.io",
            "rubygems.org",
            "packagist.org",
            "mvnrepository.com",
            "mathworks.com",
            "wandb.ai",
            "overleaf.com",
            "chat.openai.com",
            "chatgpt.com",
            "claude.ai",
            // video, forms and link aggregators
            "bilibili.com",
            "twitch.tv",
            "linktr.ee",
            "surveymonkey.com",
            "qualtrics.com",
            "mturk.com",
            "prolific.com",
            "prolific.co",
            "poe.com");

    /** Publisher and proceedings sites: a link with a path there is a paper even without a DOI we can read. */
    static final Set<String> PAPER_VENUES = Set.of(
            "proceedings.neurips.cc",
            "papers.nips.cc",
            "papers.neurips.cc",
            "proceedings.mlr.press",
            "openaccess.thecvf.com",
            "ieeexplore.ieee.org",
            "dl.acm.org",
            "link.springer.com",
            "ojs.aaai.org",
            "jmlr.org",
            "ijcai.org",
            "semanticscholar.org",
            "biorxiv.org",
            "medrxiv.org",
            "papers.ssrn.com",
            "nature.com",
            "science.org",
            "sciencedirect.com",
            "pnas.org",
            "onlinelibrary.wiley.com",
            "tandfonline.com",
            "journals.sagepub.com",
            "pubs.acs.org",
            "journals.plos.org",
            "ecva.net",
            "isca-archive.org",
            "iopscience.iop.org",
            "academic.oup.com",
            "cell.com",
            "mdpi.com",
            "frontiersin.org");

    /** Path endings that make a link a downloadable file rather than a page. */
    static final Set<String> FILE_EXTENSIONS = Set.of(
            "pdf",
            "zip",
            "gz",
            "tgz",
            "tar",
            "bz2",
            "xz",
            "7z",
            "rar",
            "json",
            "jsonl",
            "csv",
            "tsv",
            "txt",
            "xml",
            "pt",
            "pth",
            "bin",
            "ckpt",
            "safetensors",
            "h5",
            "npy",
            "npz",
            "parquet",
            "mp4",
            "mp3",
            "wav",
            "png",
            "jpg",
            "jpeg",
            "gif",
            "pptx",
            "ppt",
            "docx",
            "doc",
            "xlsx");

    private KnownHosts() {}

    /** True when the text may name this host without a scheme. */
    static boolean isBare(String lowerHost) {
        return BARE.contains(lowerHost) || isPagesHost(lowerHost);
    }

    /** True for {@code owner.github.io} style hosts. */
    static boolean isPagesHost(String lowerHost) {
        for (String suffix : PAGES_SUFFIXES) {
            if (lowerHost.endsWith(suffix) && lowerHost.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    /** True when the host or one of its parent domains is in {@code domains}. */
    static boolean inDomain(String lowerHost, Set<String> domains) {
        String h = lowerHost;
        while (true) {
            if (domains.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
    }

    /** Number of path segments a repository link on this host needs, or 0 when the host has no such shape. */
    static int repoSegments(String lowerHost, String firstSegment) {
        if (!REPO_HOSTS.contains(lowerHost)) {
            return 0;
        }
        if ((lowerHost.equals("huggingface.co") || lowerHost.equals("hf.co")) && firstSegment != null) {
            String s = firstSegment.toLowerCase(Locale.ROOT);
            if (s.equals("datasets") || s.equals("spaces")) {
                return 3;
            }
        }
        return 2;
    }
}
