package io.paperstream.enrich.domain.keyphrases;

/**
 * Fixed word lists for keyphrase extraction. Stopwords end a candidate phrase; generic words may sit inside one
 * ("training data") but weigh little and never make a keyphrase alone, since nearly every abstract uses them.
 */
final class Lexicon {
    private static final String STOPWORDS = """
            a about above across after again against all almost along already also although always am among an and
            another any anyone anything are around as at be became because become becomes been before being below
            between both but by can cannot could did do does doing done down due during each either else enough
            especially etc even ever every few for from further furthermore had has have having he hence her here
            hers herself him himself his how however i ie if in into is it its itself just least less let like
            many may me might more moreover most mostly much must my namely near nearly neither never nevertheless
            no nor not now of off often on once one only onto or other others otherwise our ours ourselves out over
            own per perhaps rather same several shall she should since so some such than that the their theirs them
            themselves then thence there thereby therefore these they this those though three through throughout
            thus to together too toward towards two under unless until up upon us very via was we well were what
            whatever when whenever where whereas whether which while who whom whose why will with within without
            would yet you your yours eg e.g i.e versus vs
            accelerating closing enhancing evaluating exploiting going greater highlight improving integrating
            introducing minimizing mitigating pushing rethinking thinking unlocking towards approximately efficiently
            jointly optimally appropriate empirical guide multiple original open research single turn
            add added adds capture captured captures carried carries carry combine combined combines compute
            computed computes emit emits encounter encounters exceed exceeds extract extracts fail failed fails
            generate generated generates lose loses match matched multiply multiplies predict predicted predicts
            produce produced produces propagate propagates raise raises reach reached reaches refine refined
            refines rely relies replace replaced replaces retain retains run runs survive survives synergize
            synergizes et al tend tends involves represented decode decodes
            able abstract achieve achieved achieves achieving address addresses addressing allow allowing allows
            apply applied applying approach approaches based better beyond broad called can case cases certain
            challenge challenges challenging clear close common commonly compared comparable comprehensive
            consider considered consistently contain contains contrast contribution contributions crucial current
            currently demonstrate demonstrated demonstrates demonstrating describe design designed despite detailed
            develop developed different difficult directly discuss easily effective effectively enable enabled
            enables enabling enhance enhanced enhances ensure establish evaluate evaluated evaluates existing
            experiment experimental experimentally experiments explore explored exploring extensive extensively
            find finding findings finds first focus focuses following found four further generally given
            good great help helps high higher highly however identify illustrate important improve improved
            improvement improvements improves improving include includes including increase increased increasing
            increasingly insight insights instead introduce introduced introduces introducing investigate
            investigated involve issue issues key known largely last latest lead leading leads learn learned
            learns less leverage leverages leveraging little main mainly make makes making method methods moreover
            necessary need needed needs new next notably novel observe observed obtain obtained offer offers order
            outperform outperformed outperforming outperforms overall paper particular particularly perform
            performed performing performs possible potential present presented presents previous previously prior
            promising propose proposed proposes proposing provide provided provides providing range real recent
            recently reduce reduced reduces reducing related relative relatively remain remains report require
            required requires result resulting results reveal reveals robust second see seen set show showed showing
            shown shows significant significantly similar simple simply solve specific standard state
            state-of-the-art strong strongly studied studies study substantial substantially suggest suggests
            superior take takes task-specific three thereby toward typically understand understanding unlike use
            used useful uses using various way ways whole wide widely work works yield yields
            """;

    private static final String GENERIC = """
            accuracy algorithm algorithms analysis application applications architecture architectures baseline
            baselines benchmark benchmarks capability capabilities component components data dataset datasets deep
            domain domains efficiency efficient evaluation evaluations example examples experiment feature features
            framework frameworks function functions information input inputs layer layers level learning
            mechanism model modeling modelling models module modules network networks number output outputs
            parameter parameters pipeline problem problems process processing property quality quantity rate scale
            scenarios setting settings size space step steps strategy strategies structure system systems task tasks
            technique techniques test time tool tools train trained training type types value values version
            performance environment environments sample samples source sources target targets variable variables
            region regions object objects solution solutions context distribution distributions image images
            limitation limitations factor factors amount choice progress skill skills harder neural
            """;

    private static final WordTable STOP = table(STOPWORDS);
    private static final WordTable GENERIC_WORDS = table(GENERIC);

    private Lexicon() {}

    /** Whether the lower-case word {@code buf[off, off+len)} is a stopword. */
    static boolean isStopword(char[] buf, int off, int len) {
        return STOP.find(buf, off, len) >= 0;
    }

    /** Whether the lower-case word {@code buf[off, off+len)} is generic (weighs little, never a keyphrase alone). */
    static boolean isGeneric(char[] buf, int off, int len) {
        return GENERIC_WORDS.find(buf, off, len) >= 0;
    }

    private static WordTable table(String text) {
        WordTable table = new WordTable();
        for (String word : text.trim().split("\\s+")) {
            table.intern(word);
        }
        return table;
    }
}
