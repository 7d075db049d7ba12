package org.convkit.api.nn.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NotationParseTest {

    private static NotationException error(String notation) {
        return assertThrows(NotationException.class, () -> Notation.parse(notation));
    }

    @Test
    void theLecturesExampleWithItsSpacesReadsToTheCanonicalForm() {
        assertEquals("(CR)2P(CR)2P(CR)2PF", Notation.parse("(CR) 2P(CR) 2P(CR) 2PF").toString());
    }

    @Test
    void canonicalFormKeepsGroupsAndExplicitParameters() {
        String s = "(C[16,3]R)2P[2]C[k5,s2,p1,d2,g2,nobias]A[3,2]P[3,2,p1]A[p1]GB D[0.25]R[0.1]F[10,nobias]F";
        assertEquals(s.replace(" ", ""), Notation.parse(s).toString());
    }

    @Test
    void canonicalFormOfTheCanonicalFormIsItself() {
        String c = Notation.parse(" c [ 016 , 3 ] r1 ( c r ) 02 p[2 , 1] d[.50] f ").toString();
        assertEquals("C[16,3]R(CR)2P[2,1]D[0.5]F", c);
        assertEquals(c, Notation.parse(c).toString());
    }

    @Test
    void aPositionalKernelAndANamedKernelAreOneParameter() {
        assertEquals("kernel given twice in C[...], got 'k5'", error("C[16,3,k5]").reason());
    }

    @Test
    void anUnknownCharacterIsReportedWithItsPositionAndWhatCouldCome() {
        NotationException e = error("(CR)2Px");
        assertEquals(7, e.position());
        assertEquals("at 7: expected a digit, '[', '(' or a layer letter (C R P A G F D B), got 'x'", e.getMessage());
    }

    @Test
    void afterACountNoDigitOrBracketIsExpected() {
        assertEquals("expected '(', ')' or a layer letter (C R P A G F D B), got '['", error("(C2[3])").reason());
    }

    @Test
    void anUnclosedGroupPointsPastTheEnd() {
        NotationException e = error("(CR");
        assertEquals(4, e.position());
        assertEquals("expected ')' to close the group opened at 1, got end of input", e.reason());
    }

    @Test
    void anEmptyGroupIsRejectedAtItsClosingParenthesis() {
        assertEquals(2, error("()").position());
    }

    @Test
    void anUnmatchedClosingParenthesisIsRejected() {
        NotationException e = error("CR)");
        assertEquals(3, e.position());
        assertEquals("expected a digit, '[', '(' or a layer letter (C R P A G F D B), got ')'", e.reason());
    }

    @Test
    void anEmptyStringIsRejected() {
        assertEquals("expected a layer letter (C R P A G F D B) or '(', got end of input", error("  ").reason());
    }

    @Test
    void aCountOfZeroIsRejectedAtTheCount() {
        NotationException e = error("C0");
        assertEquals(2, e.position());
        assertEquals("expected a repeat count from 1 to 1000, got 0", e.reason());
    }

    @Test
    void aHugeCountIsRejectedBeforeExpanding() {
        assertEquals(3, error("(C99999999999)").position());
    }

    @Test
    void aBadParameterIsReportedAtItsOwnPosition() {
        NotationException e = error("CR C[16, x]");
        assertEquals(10, e.position());
        assertEquals("expected filters, kernel, k<kernel>, s<stride>, p<padding>, same, valid, d<dilation>, "
                + "g<groups> or nobias in C[...], got 'x'", e.reason());
    }

    @Test
    void aDropoutOfOneIsRejected() {
        assertEquals("expected a drop probability in [0, 1) in D[...], got '1'", error("D[1]").reason());
    }

    @Test
    void batchNormTakesNoParameters() {
        NotationException e = error("CB[2]");
        assertEquals(3, e.position());
        assertEquals("B takes no parameters, got '['", e.reason());
    }

    @Test
    void anUnclosedBracketIsReported() {
        assertEquals("expected ',' or ']' to close the '[' at 2, got end of input", error("C[16").reason());
    }

    @Test
    void numbersAfterNamedParametersAreRejected() {
        assertEquals("numbers come before named parameters in C[...], got '3'", error("C[s2,3]").reason());
    }

    @Test
    void theCaretLineSitsUnderThePosition() {
        assertEquals("(CR)2Px" + System.lineSeparator() + "      ^", error("(CR)2Px").caret());
    }
}
